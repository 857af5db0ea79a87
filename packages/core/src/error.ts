import { API_ERROR } from './brand'
import { defaultErrors } from './defaults'
import type { ErrorBody, ValidationIssue } from './wire'

/** Longest 4xx message sent to a client; longer ones are cut. */
export const MAX_MESSAGE_LENGTH = 1000

/**
 * Everything an {@link ApiError} is made from. Prefer `catalog.create(code)`, which fills the
 * status and the default message from the catalog.
 *
 * @example
 * ```ts
 * new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' })
 * ```
 */
export interface ApiErrorInit<C extends string = string, D = unknown> {
  readonly code: C
  readonly status: number
  /** The message for the server side; sent to clients for 4xx, or when `expose` is set. */
  readonly message?: string
  /** The catalog's message for the code: what clients see of a 5xx. */
  readonly defaultMessage?: string
  readonly data?: D
  readonly errors?: readonly ValidationIssue[]
  readonly cause?: unknown
  /** Seconds to wait, or the moment to retry at; sent as `Retry-After` on 429 and 503. */
  readonly retryAfter?: number | Date
  readonly headers?: Readonly<Record<string, string>>
  /** Send the message of a 5xx to clients. Off by default: 5xx messages are redacted. */
  readonly expose?: boolean
  readonly requestId?: string
  /** A link to the code's section of the error reference, sent as `docUrl`. */
  readonly docUrl?: string
  /** Capture a stack trace. Defaults to true for 5xx only: expected errors stay cheap. */
  readonly stack?: boolean
  /** Whether a client may send the same request again later (the catalog entry says). */
  readonly retryable?: boolean
}

/**
 * The error every Faultline adapter sends: a catalog code, an HTTP status and a message, plus
 * optional typed `data`, validation `errors`, retry delay, headers and request id.
 * `toJSON()` is the wire body (with 5xx messages redacted) and `getResponse()` the whole
 * `Response`, so even a framework's default handler renders it right.
 *
 * @example
 * ```ts
 * const error = errors.create('POST_NOT_FOUND', { data: { postId } })
 * error.status // 404
 * error.toJSON() // { code: 'POST_NOT_FOUND', message: 'Post not found', data: { postId } }
 * ```
 */
export class ApiError<C extends string = string, D = unknown> extends Error {
  declare readonly code: C
  declare readonly status: number
  declare readonly defaultMessage: string
  declare readonly data: D
  declare readonly errors: readonly ValidationIssue[] | undefined
  declare readonly retryAfter: number | Date | undefined
  declare readonly headers: Readonly<Record<string, string>> | undefined
  declare readonly expose: boolean
  declare readonly requestId: string | undefined
  declare readonly docUrl: string | undefined
  /** Whether a client may send the same request again later, as the catalog entry says. */
  declare readonly retryable: boolean

  constructor(init: ApiErrorInit<C, D>) {
    const status = isErrorStatus(init.status) ? init.status : 500
    // Expected errors skip the stack trace: V8 and JSC capture it at construction.
    const limit = (Error as { stackTraceLimit?: number }).stackTraceLimit
    const skipStack = !(init.stack ?? status >= 500) && typeof limit === 'number'
    if (skipStack) setStackLimit(0)
    super(
      init.message || init.defaultMessage || init.code,
      init.cause === undefined ? undefined : { cause: init.cause },
    )
    if (skipStack) setStackLimit(limit)
    this.name = 'ApiError'
    // The brand isApiError looks for; an own property keeps the class free of computed keys,
    // which bundlers treat as side effects.
    Object.defineProperty(this, API_ERROR, { value: true })
    this.code = init.code
    this.status = status
    // without a default message a 5xx must not fall back to its own (server-side) message
    this.defaultMessage =
      init.defaultMessage || (status >= 500 ? defaultErrors.SERVER_ERROR.message : this.message)
    this.data = init.data as D
    this.errors = init.errors
    this.retryAfter = init.retryAfter
    this.headers = init.headers
    this.expose = init.expose === true
    this.requestId = init.requestId
    this.docUrl = init.docUrl
    this.retryable = init.retryable === true
  }

  /** True for 4xx: errors the client caused, which trackers need not hear about. */
  get expected(): boolean {
    return this.status < 500
  }

  /**
   * The message a client may see: the thrown message for 4xx (cut to 1,000 characters), the
   * catalog's default for a 5xx unless the error is exposable.
   */
  publicMessage(exposeServerErrors = false): string {
    if (this.status >= 500 && !this.expose && !exposeServerErrors) return this.defaultMessage
    return this.message.slice(0, MAX_MESSAGE_LENGTH)
  }

  /** The wire body: `{ code, message }` plus `errors`, `data`, `docUrl`, `requestId` if they apply. */
  toJSON(): ErrorBody<C, D> {
    return toBody(this)
  }

  /** A JSON `Response` with the contract's status and headers. */
  getResponse(): Response {
    return new Response(serialize(toBody(this)), {
      status: this.status,
      headers: errorHeaders(this),
    })
  }
}

/**
 * The wire body of an error, with 5xx messages redacted.
 *
 * @example
 * ```ts
 * toBody(errors.create('SERVER_ERROR', { message: 'db password is hunter2' }))
 * // { code: 'SERVER_ERROR', message: 'Something went wrong on our end' }
 * ```
 */
export function toBody<C extends string, D>(
  error: ApiError<C, D>,
  options: { requestId?: string; exposeServerErrors?: boolean } = {},
): ErrorBody<C, D> {
  const body: { -readonly [K in keyof ErrorBody<C, D>]: ErrorBody<C, D>[K] } = {
    code: error.code,
    message: error.publicMessage(options.exposeServerErrors),
  }
  if (error.errors !== undefined) body.errors = error.errors
  if (error.data !== undefined) body.data = error.data
  if (error.docUrl !== undefined) body.docUrl = error.docUrl
  const requestId = options.requestId ?? error.requestId
  if (requestId !== undefined) body.requestId = requestId
  return body
}

/**
 * The headers of an error response, as a record of lower-case names: content type,
 * `cache-control: no-store`, `vary: accept`, `retry-after` on 429/503, `x-request-id`, and any
 * headers the error carries. Invalid names and values are dropped, never the response.
 *
 * @example
 * ```ts
 * errorHeaders(errors.create('TOO_MANY_REQUESTS', { retryAfter: 30 }))['retry-after'] // '30'
 * ```
 */
export function errorHeaders(
  error: ApiError,
  options: { readonly contentType?: string; readonly requestId?: string } = {},
): Record<string, string> {
  const { contentType = 'application/json; charset=utf-8', requestId = error.requestId } = options
  const headers: Record<string, string> = {}
  try {
    // a plain object only: the keys of a string or an array would become numbered headers
    const source: unknown = error.headers
    if (typeof source === 'object' && source !== null && !Array.isArray(source)) {
      for (const name of Object.keys(source).slice(0, MAX_ERROR_HEADERS)) {
        setHeader(headers, name, (source as Record<string, unknown>)[name])
      }
    }
  } catch {
    // headers from a hostile source are dropped, never the response
  }
  headers['content-type'] = contentType
  headers['cache-control'] = 'no-store'
  headers.vary = headers.vary ? `${headers.vary}, accept` : 'accept'
  if (error.status === 429 || error.status === 503) {
    setHeader(headers, 'retry-after', retryAfterHeader(error.retryAfter))
  }
  setHeader(headers, 'x-request-id', requestId)
  return headers
}

/**
 * `JSON.stringify` for a body that never throws: data that cannot be serialised (a cycle, a
 * BigInt, a throwing `toJSON`) is dropped rather than failing the error response.
 *
 * @example
 * ```ts
 * serialize({ code: 'X', message: 'x', data: { n: 1n } }) // '{"code":"X","message":"x"}'
 * ```
 */
export function serialize(body: ErrorBody): string {
  try {
    return JSON.stringify(body)
  } catch {
    // drop what fails: the data, else the issues too; the strings (request id…) and numbers stay
    const { data: _data, ...rest } = body
    try {
      return JSON.stringify(rest)
    } catch {
      const primitives = Object.entries(rest).filter(
        ([, value]) => typeof value === 'string' || typeof value === 'number',
      )
      return JSON.stringify(Object.fromEntries(primitives))
    }
  }
}

/** Whether a value is an integer HTTP error status, 400 to 599. */
export function isErrorStatus(status: unknown): status is number {
  return Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

function setHeader(headers: Record<string, string>, name: string, value: unknown): void {
  const key = name.toLowerCase()
  if (typeof value === 'string' && TOKEN.test(key) && FIELD_VALUE.test(value)) {
    headers[key] = value.trim()
  }
}

const MAX_ERROR_HEADERS = 100
// delay-seconds is 1*DIGIT: past 1e21 String() writes an exponent
const MAX_RETRY_AFTER = 2 ** 31 - 1

function retryAfterHeader(retry: number | Date | undefined): string | undefined {
  let seconds = retry
  if (retry instanceof Date) {
    // an HTTP-date has a 4-digit year; any other date is sent as the seconds left
    const year = retry.getUTCFullYear()
    if (year >= 1000 && year <= 9999) return retry.toUTCString()
    seconds = (retry.getTime() - Date.now()) / 1000
  }
  return Number.isFinite(seconds)
    ? String(Math.min(MAX_RETRY_AFTER, Math.max(0, Math.ceil(seconds as number))))
    : undefined
}

function setStackLimit(limit: number): void {
  try {
    ;(Error as { stackTraceLimit?: number }).stackTraceLimit = limit
  } catch {
    // frozen intrinsics: keep whatever the runtime does
  }
}
