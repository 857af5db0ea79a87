import {
  type Catalog,
  createError,
  type InferOutput,
  isJsonContentType,
  type StandardSchemaV1,
  validate,
} from '@faultline/core'
import { readLimited } from './stream'

/** The body size {@link readJson} accepts by default: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

/**
 * Options of {@link readJson}.
 *
 * @example
 * ```ts
 * const options: ReadJsonOptions = { catalog: errors, limit: 64 * 1024 }
 * ```
 */
export interface ReadJsonOptions {
  /** Where the error codes come from; codes it lacks come from the default catalog. */
  readonly catalog?: Catalog
  /** The largest body accepted, in bytes; 1 MiB by default. */
  readonly limit?: number
}

/**
 * Reads, parses and (given a Standard Schema such as zod 4 or valibot 1) validates a JSON
 * request body. Throws the catalog's error, never echoing the body:
 *
 * - 415 `UNSUPPORTED_MEDIA_TYPE` unless `content-type` is `application/json` or
 *   `application/*+json` (parameters such as `charset` allowed);
 * - 413 `PAYLOAD_TOO_LARGE` over `limit` bytes, by `content-length` or while streaming;
 * - 400 `BAD_REQUEST` for an empty body, malformed JSON or invalid UTF-8;
 * - 400 `VALIDATION_ERROR` with `errors[]` (JSON Pointer paths) when the schema rejects it.
 *
 * `__proto__` keys stay plain data (`JSON.parse` defines them as own properties).
 *
 * @example
 * ```ts
 * const post = await readJson(request, z.object({ title: z.string().min(1) }), { catalog: errors })
 * post.title // string
 * ```
 */
export async function readJson(request: Request, options?: ReadJsonOptions): Promise<unknown>
export async function readJson<S extends StandardSchemaV1>(
  request: Request,
  schema: S,
  options?: ReadJsonOptions,
): Promise<InferOutput<S>>
export async function readJson(
  request: Request,
  schemaOrOptions?: StandardSchemaV1 | ReadJsonOptions,
  maybeOptions?: ReadJsonOptions,
): Promise<unknown> {
  const schema = isSchema(schemaOrOptions) ? schemaOrOptions : undefined
  const options = (schema ? maybeOptions : (schemaOrOptions as ReadJsonOptions)) ?? {}
  const { catalog, limit = DEFAULT_BODY_LIMIT } = options
  if (!(limit >= 0)) throw new TypeError('readJson: limit must be a number of bytes, 0 or more')
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw createError(catalog, 'UNSUPPORTED_MEDIA_TYPE', {
      message: 'The request body must be JSON, sent with content-type: application/json',
    })
  }
  const bytes = await readLimited(request, limit, catalog)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw createError(catalog, 'BAD_REQUEST', { message: 'The request body is not valid UTF-8' })
  }
  const value = parse(text, catalog)
  return schema ? validate(schema, value, catalog) : value
}

function parse(text: string, catalog: Catalog | undefined): unknown {
  if (/^[\t\n\r ]*$/.test(text)) {
    throw createError(catalog, 'BAD_REQUEST', {
      message: 'The request body is not valid JSON: it is empty',
    })
  }
  try {
    return JSON.parse(text)
  } catch {
    // the SyntaxError quotes the body, so it is not passed on
    throw createError(catalog, 'BAD_REQUEST', { message: 'The request body is not valid JSON' })
  }
}

function isSchema(value: unknown): value is StandardSchemaV1 {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    '~standard' in value
  )
}
