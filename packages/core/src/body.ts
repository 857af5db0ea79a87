import type { Catalog } from './catalog'
import { isJsonContentType } from './content-type'
import { createError } from './normalize'

/** The body size {@link readJsonBody} accepts by default: 1 MiB. */
export const BODY_LIMIT = 1024 * 1024

/**
 * Options of {@link readJsonBody}.
 *
 * @example
 * ```ts
 * const options: ReadBodyOptions = { catalog: errors, limit: 64 * 1024 }
 * ```
 */
export interface ReadBodyOptions {
  /** Where the error codes come from; codes it lacks come from the default catalog. */
  readonly catalog?: Catalog
  /** The largest body accepted, in bytes; 1 MiB by default. */
  readonly limit?: number
}

/** The words every adapter answers a bad body with, the same on every surface. */
const bodyMessages = {
  type: 'The request body must be JSON (application/json or a +json type) in UTF-8',
  malformed: 'The request body is not valid JSON',
  encoding: 'The request body is not valid UTF-8',
  unreadable: 'The request body could not be read',
  tooLarge: (limit: number) => `The request body is larger than the limit of ${limit} bytes`,
} as const

/**
 * Reads and parses a JSON request body: the one body reader every adapter uses, so that a bad
 * body gets the same answer everywhere. No body (none, or zero bytes) is no input: `undefined`,
 * left for the schema to accept or refuse. Otherwise it throws the catalog's error, in this
 * order, never echoing the body:
 *
 * - 415 `UNSUPPORTED_MEDIA_TYPE` unless `content-type` is `application/json` or
 *   `application/<x>+json` with no charset or `utf-8`;
 * - 413 `PAYLOAD_TOO_LARGE` past `limit` bytes, counted on the stream (a missing or lying
 *   `content-length` changes nothing; a larger declared one is refused before reading);
 * - 400 `BAD_REQUEST` for malformed JSON, invalid UTF-8 or a broken stream.
 *
 * The rest of a body past the limit is left unread (not cancelled), for {@link drainBody}.
 *
 * @example
 * ```ts
 * const input = await readJsonBody(request, { catalog: errors, limit: 64 * 1024 })
 * ```
 */
export async function readJsonBody(request: Request, options?: ReadBodyOptions): Promise<unknown> {
  return (await read(request, options))?.value
}

/**
 * {@link readJsonBody} for adapters whose framework parses the text itself (tRPC): the same
 * checks and errors, and the body's text (`''` for no body) once it is known to be JSON.
 *
 * @example
 * ```ts
 * const text = await readJsonText(request, { catalog: errors })
 * ```
 */
export async function readJsonText(request: Request, options?: ReadBodyOptions): Promise<string> {
  return (await read(request, options))?.text ?? ''
}

async function read(request: Request, options: ReadBodyOptions = {}) {
  const { catalog, limit = BODY_LIMIT } = options
  if (!(limit >= 0)) throw new TypeError('The body limit must be a number of bytes, 0 or more')
  if (request.bodyUsed) throw new TypeError('The request body has already been read')
  const declared = request.headers.get('content-length')?.trim()
  if (request.body === null || declared === '0') return undefined
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', { catalog, message: bodyMessages.type })
  }
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw tooLarge(catalog, limit)
  }
  const bytes = await readLimited(request.body, limit, catalog)
  if (bytes.byteLength === 0) return undefined
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw createError('BAD_REQUEST', { catalog, message: bodyMessages.encoding })
  }
  try {
    return { text, value: JSON.parse(text) as unknown }
  } catch {
    // the SyntaxError quotes the body, so it is not passed on
    throw createError('BAD_REQUEST', { catalog, message: bodyMessages.malformed })
  }
}

async function readLimited(
  body: ReadableStream<Uint8Array>,
  limit: number,
  catalog: Catalog | undefined,
): Promise<Uint8Array> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      let chunk: unknown
      try {
        const result = await reader.read()
        if (result.done) break
        chunk = result.value
      } catch {
        // the client went away, or the stream is broken
        throw createError('BAD_REQUEST', { catalog, message: bodyMessages.unreadable })
      }
      if (!ArrayBuffer.isView(chunk)) {
        throw createError('BAD_REQUEST', { catalog, message: bodyMessages.unreadable })
      }
      size += chunk.byteLength
      // the rest is left for drainBody (the lock is released below, the body not cancelled)
      if (size > limit) throw tooLarge(catalog, limit)
      chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    }
  } finally {
    reader.releaseLock()
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(catalog: Catalog | undefined, limit: number) {
  return createError('PAYLOAD_TOO_LARGE', { catalog, message: bodyMessages.tooLarge(limit) })
}
