import type { ApiErrorOf, Catalog, CatalogOption, ErrorDefinition } from './catalog'
import { ApiError, isErrorStatus } from './error'
import { defaultCatalog, entryOf, fromStatus, issuesOf } from './normalize'
import type { StandardSchemaV1 } from './validation'

/**
 * What the client knows of a failed response besides its body.
 *
 * @example
 * ```ts
 * parseError({ status: 503, body: '', headers: new Headers({ 'retry-after': '30' }) })
 * ```
 */
export interface FailedResponse {
  readonly status: number
  /** The parsed JSON, or the raw text (parsed here when it is JSON). */
  readonly body: unknown
  /**
   * `Headers`, anything with a `get(name)`, or a plain object of header names (axios gives
   * either): string values are read, others ignored.
   */
  readonly headers?: { get(name: string): unknown } | Readonly<Record<string, unknown>> | undefined
}

/**
 * Reads an error body (JSON or Problem Details) back into a typed error of the catalog. Never
 * throws: an HTML page from a proxy, an empty or truncated body, or JSON of another shape gives
 * the catalog's code for the status (e.g. BAD_GATEWAY for a 502), with the raw status kept.
 * A code the catalog does not know is treated the same way, and so is `data` that does not match
 * the schema its entry declares (the raw body stays the error's `cause`). `Retry-After` becomes
 * `retryAfter` in seconds.
 *
 * @example
 * ```ts
 * const failed = { status: 409, body: { code: 'VOTE_EXISTS', message: '…' } }
 * const error = parseError(failed, { catalog: errors })
 * if (error.code === 'VOTE_EXISTS') showAlreadyVoted()
 * ```
 */
export function parseError<C extends Catalog>(
  failed: FailedResponse,
  options: { readonly catalog: C },
): ApiErrorOf<C>
export function parseError(failed: FailedResponse, options?: CatalogOption): ApiError
export function parseError(failed: FailedResponse, options: CatalogOption = {}): ApiError {
  const { catalog } = options
  const source = catalog ?? defaultCatalog()
  const status = isErrorStatus(failed.status) ? failed.status : 500
  const body = asObject(failed.body)
  const retryAfter = retryAfterSeconds(headerOf(failed, 'retry-after'))
  const headerId = headerOf(failed, 'x-request-id')
  const code = body?.code
  const message = typeof body?.message === 'string' ? body.message : body?.detail
  const entry = typeof code === 'string' ? entryOf(source, code) : undefined
  const data = checkedData(entry, body?.data)
  if (
    typeof code !== 'string' ||
    !(catalog ? source.has(code) : code !== '') ||
    data === MISMATCH
  ) {
    const fallback = fromStatus(status, { catalog: source })
    return new ApiError({
      code: fallback.code,
      status,
      defaultMessage: fallback.defaultMessage,
      retryable: fallback.retryable,
      retryAfter,
      requestId: headerId,
      cause: failed.body,
      expose: true,
      stack: false,
    })
  }
  return new ApiError({
    code,
    status,
    message: typeof message === 'string' ? message : undefined,
    defaultMessage: entry?.message,
    retryable: entry?.retryable,
    data,
    errors: issuesOf(body?.errors),
    retryAfter,
    requestId: typeof body?.requestId === 'string' ? body.requestId : headerId,
    docUrl: typeof body?.docUrl === 'string' ? body.docUrl : undefined,
    expose: true,
    stack: false,
  })
}

/**
 * What {@link parseErrorResponse} reads of a response: a `Response`, or a typed client's own
 * (Hono's `hc`), which is not one under the Workers types.
 */
export type ResponseLike = Pick<Response, 'status' | 'headers' | 'text'>

/**
 * Reads a failed `Response` into a typed error of the catalog; see {@link parseError}.
 *
 * @example
 * ```ts
 * const response = await fetch('/api/v1/posts/7')
 * if (!response.ok) {
 *   const error = await parseErrorResponse(response, { catalog: errors })
 *   if (error.code === 'POST_NOT_FOUND') return notFound()
 * }
 * ```
 */
export async function parseErrorResponse<C extends Catalog>(
  response: ResponseLike,
  options: { readonly catalog: C },
): Promise<ApiErrorOf<C>>
export async function parseErrorResponse(
  response: ResponseLike,
  options?: CatalogOption,
): Promise<ApiError>
export async function parseErrorResponse(
  response: ResponseLike,
  options: CatalogOption = {},
): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.text()
  } catch {
    body = undefined
  }
  return parseError({ status: response.status, body, headers: response.headers }, options)
}

/**
 * A `Retry-After` header in seconds: delta-seconds as given, an HTTP-date as the time left.
 *
 * @example
 * ```ts
 * retryAfterSeconds('30') // 30
 * retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT', { now: Date.now() })
 * ```
 */
export function retryAfterSeconds(
  header: string | null | undefined,
  options: { readonly now?: number } = {},
): number | undefined {
  const { now = Date.now() } = options
  if (!header) return undefined
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

const MISMATCH = Symbol('mismatch')

// The entry's schema, when it has one, checks `data` (synchronously: a schema that validates
// asynchronously is not checked here); its output is what the client gets.
function checkedData(entry: ErrorDefinition | undefined, data: unknown): unknown {
  try {
    const schema = (entry?.data as Partial<StandardSchemaV1> | undefined)?.['~standard']
    if (typeof schema?.validate !== 'function') return data
    const result = schema.validate(data)
    if (result instanceof Promise) return data
    return result.issues ? MISMATCH : result.value
  } catch {
    return MISMATCH
  }
}

function headerOf(failed: FailedResponse, name: string): string | undefined {
  try {
    const { headers } = failed
    if (typeof headers?.get === 'function') {
      const value: unknown = headers.get(name)
      return typeof value === 'string' ? value : undefined
    }
    const record = (headers ?? {}) as Readonly<Record<string, unknown>>
    const key = Object.keys(record).find((key) => key.toLowerCase() === name)
    const value = key === undefined ? undefined : record[key]
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

function asObject(body: unknown): Record<string, unknown> | undefined {
  let value = body
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
