import { type Catalog, createError } from '@faultline/core'

/**
 * Reads a request body into bytes, refusing more than `limit` bytes: first by a declared
 * `content-length`, then while streaming, so a lying or absent length cannot get past it.
 */
export async function readLimited(
  request: Request,
  limit: number,
  catalog: Catalog | undefined,
): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    // Left unread, not cancelled: withErrors drains it (core's drainBody), so the client's
    // keep-alive connection survives; workerd resets the connection of a cancelled body.
    throw tooLarge(catalog, limit)
  }
  if (request.bodyUsed) throw new TypeError('readJson: the request body has already been read')
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
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
        throw unreadable(catalog)
      }
      if (!ArrayBuffer.isView(chunk)) throw unreadable(catalog)
      size += chunk.byteLength
      // the rest is left for withErrors to drain (released below, not cancelled)
      if (size > limit) throw tooLarge(catalog, limit)
      chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    }
  } finally {
    reader.releaseLock()
  }
  return concat(chunks, size)
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
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
  return createError(catalog, 'PAYLOAD_TOO_LARGE', {
    message: `The request body is larger than the limit of ${limit} bytes`,
  })
}

function unreadable(catalog: Catalog | undefined) {
  return createError(catalog, 'BAD_REQUEST', { message: 'The request body could not be read' })
}
