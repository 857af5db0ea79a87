// `@faultline/core/log`: one structured log line per error, for every adapter's reporting hook.
import type { Catalog, CodeOf, ErrorDefinitions } from './catalog'
import { type ErrorSummary, summarize } from './cause'
import type { ErrorContext, ErrorReporter } from './response'
import { isSecretHeader, REDACTED, scrubber } from './scrub'

export type { ErrorSummary } from './cause'

/** How loud an error is logged: `off` logs nothing. */
export type LogLevel = 'error' | 'warn' | 'off'

/** Where the lines go: `console` by default. Each call gets one object. */
export interface ErrorLogger {
  error(record: ErrorLogRecord): void
  warn(record: ErrorLogRecord): void
}

/** The one object logged per error: Workers Logs (and most log pipelines) index its fields. */
export interface ErrorLogRecord {
  readonly level: 'error' | 'warn'
  /** `500 SERVER_ERROR GET /api/v1/posts`: the line a human reads first. */
  readonly message: string
  readonly code: string
  readonly status: number
  /** The request id the client received (when request-id correlation is on). */
  readonly requestId?: string
  readonly method?: string
  /** The path, without the query string. */
  readonly path?: string
  /** The tRPC procedure, when the error came from one. */
  readonly procedure?: string
  /** The operation did not declare this code (see `declareErrors`): logged even for a 4xx. */
  readonly undeclared?: true
  /** What was thrown and its causes: names, messages and the first stack frames, scrubbed. */
  readonly error: ErrorSummary
  /** The request headers asked for with `headers`; credentials read `[redacted]`. */
  readonly headers?: Readonly<Record<string, string>>
  /** Anything else from `fields`. */
  readonly [field: string]: unknown
}

/**
 * Options of {@link logErrors}.
 *
 * @example
 * ```ts
 * logErrors({ log4xx: true, sample4xx: 0.1, levels: { REQUEST_FAILED: 'warn' } })
 * ```
 */
export interface LogErrorsOptions<T extends ErrorDefinitions = ErrorDefinitions> {
  /** The app's catalog, to type the codes of `levels` (a misspelt code does not compile). */
  readonly catalog?: Catalog<T>
  /** Log 4xx too, as warnings. Off by default: 4xx are the client's mistakes. */
  readonly log4xx?: boolean
  /** The share of 4xx that `log4xx` logs, from 0 to 1 (default 1: all of them). */
  readonly sample4xx?: number
  /**
   * A level per catalog code, over the default (`error` for 5xx, `warn` for 4xx with `log4xx`,
   * else `off`). A code given here is never sampled: `{ REQUEST_FAILED: 'warn' }` logs every
   * 402 of that code, `{ GATEWAY_TIMEOUT: 'off' }` silences one.
   */
  readonly levels?: { readonly [Code in CodeOf<T>]?: LogLevel }
  /**
   * More secrets to scrub from messages, stack frames, paths and header values, each match
   * replaced by `[redacted]`. Credentials in URLs (`postgres://user:pass@`), `Bearer`/`Basic`
   * credentials and `token=`, `api_key=`, `password=`, `secret=` values are always scrubbed.
   */
  readonly redact?: readonly RegExp[]
  /**
   * Request headers to put on the line (`['user-agent', 'cf-ray']`). Values of credential
   * headers (`authorization`, `cookie`, `x-api-key`, names with `token`, `secret`, `session`...)
   * are logged as `[redacted]`. None by default.
   */
  readonly headers?: readonly string[]
  /** Fields added to every line (`{ service: 'feedback-api' }`). */
  readonly fields?: Readonly<Record<string, unknown>>
  /** Stack frames kept per error of the chain (default 5). */
  readonly stackFrames?: number
  /** Causes followed after the thrown value (default 3). */
  readonly causeDepth?: number
  /** Where lines go (default `console`). */
  readonly logger?: ErrorLogger
  /** The random source for `sample4xx` (default `Math.random`), for tests. */
  readonly random?: () => number
}

/**
 * A reporting hook that writes one structured line per error: one `console.error` (5xx) or
 * `console.warn` (4xx, when asked) call with one object holding the level, the catalog code,
 * the status, the request id the client received, the method, the path without its query
 * string and the cause chain (names, messages, first stack frames), with credentials in URLs,
 * credential headers and the app's own patterns scrubbed. Pass it as `onError` to any adapter.
 * Never throws.
 *
 * @example
 * ```ts
 * import { logErrors } from '@faultline/core/log'
 *
 * app.onError(errorHandler({ catalog: errors, requestId: true, onError: logErrors() }))
 * // console.error({ level: 'error', message: '500 SERVER_ERROR GET /posts', code: 'SERVER_ERROR',
 * //   status: 500, requestId: 'req_1', method: 'GET', path: '/posts', error: { name, message, stack } })
 * ```
 */
export function logErrors<T extends ErrorDefinitions = ErrorDefinitions>(
  options: LogErrorsOptions<T> = {},
): ErrorReporter {
  const scrub = scrubber(options.redact)
  const limits = { frames: options.stackFrames ?? 5, depth: options.causeDepth ?? 3 }
  const random = options.random ?? Math.random
  const sample = options.sample4xx ?? 1
  const levels: Readonly<Record<string, LogLevel | undefined>> = options.levels ?? {}
  return (thrown, context) => {
    try {
      log(thrown, context)
    } catch {
      // a logger that throws must not break the response (callReporter guards it too)
    }
  }

  function log(thrown: unknown, context: ErrorContext): void {
    const { error, request, requestId } = context
    let level = Object.hasOwn(levels, error.code) ? levels[error.code] : undefined
    if (level === undefined) {
      if (!context.expected) level = 'error'
      else if (context.undeclared)
        level = 'warn' // drift from what the operation declared
      else level = options.log4xx && random() < sample ? 'warn' : 'off'
    }
    if (level === 'off') return
    const logger = options.logger ?? console
    const where = requestLine(request, scrub)
    const record: Record<string, unknown> = {
      ...options.fields,
      level,
      message: [error.status, error.code, where.method, where.path].filter(Boolean).join(' '),
      code: error.code,
      status: error.status,
    }
    if (requestId !== undefined) record.requestId = requestId
    if (context.undeclared) record.undeclared = true
    if (where.method) record.method = where.method
    if (where.path) record.path = where.path
    const procedure = (context as ErrorContext & { path?: unknown }).path
    if (typeof procedure === 'string') record.procedure = procedure
    record.error = summarize(thrown, scrub, limits)
    if (request && options.headers?.length) {
      record.headers = headersOf(request, options.headers, scrub)
    }
    logger[level](record as ErrorLogRecord)
  }
}

function requestLine(
  request: Request | undefined,
  scrub: (text: string) => string,
): { method?: string; path?: string } {
  if (!request) return {}
  try {
    const url = String(request.url)
    // an absolute URL's path, or a bare path as it is; never the query string or the fragment
    let path: string | undefined
    try {
      path = new URL(url).pathname
    } catch {
      path = url.split(/[?#]/)[0]
    }
    return { method: String(request.method), path: path ? scrub(path) : undefined }
  } catch {
    return {}
  }
}

function headersOf(
  request: Request,
  names: readonly string[],
  scrub: (text: string) => string,
): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of names) {
    try {
      const value = request.headers.get(name)
      if (value === null) continue
      headers[name.toLowerCase()] = isSecretHeader(name) ? REDACTED : scrub(value)
    } catch {
      // a header a hostile request cannot give is left out
    }
  }
  return headers
}
