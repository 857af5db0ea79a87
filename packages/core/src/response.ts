import type { Catalog } from './catalog'
import type { DeclaredErrors } from './declared'
import { type ApiError, errorHeaders, serialize, toBody } from './error'
import { fromStatus, toApiError } from './normalize'
import type { ProblemDetailsRenderer } from './problem'
import type { ErrorBody } from './wire'

/**
 * How an error is rendered.
 *
 * @example
 * ```ts
 * const options: RenderOptions = { request, requestId: 'req_1', exposeServerErrors: false }
 * ```
 */
export interface RenderOptions {
  /** The request being answered: with `problemDetails`, its `Accept` picks the body. */
  readonly request?: Request
  /** Sent as `requestId` in the body and as the `x-request-id` header. */
  readonly requestId?: string
  /** Send 5xx messages to clients (for local development only). */
  readonly exposeServerErrors?: boolean
  /**
   * Core's `problemDetails`, to answer Problem Details (RFC 9457) to a request whose `Accept`
   * prefers `application/problem+json`. Left out, every answer is the JSON body.
   */
  readonly problemDetails?: ProblemDetailsRenderer
}

/**
 * An error response before it becomes a `Response`: what adapters that build responses their own
 * way (Hono's context, tRPC's `responseMeta`) need.
 *
 * @example
 * ```ts
 * const { status, headers, body } = reportAndRender(thrown, { request, catalog: errors })
 * return c.newResponse(body, status, headers)
 * ```
 */
export interface RenderedError {
  readonly error: ApiError
  readonly status: number
  /** Lower-case header names. */
  readonly headers: Record<string, string>
  /** `null` for a `HEAD` request: its answer has the headers of the error, not the body. */
  readonly body: string | null
}

function render(error: ApiError, options: RenderOptions): RenderedError {
  const { request, exposeServerErrors } = options
  const requestId = options.requestId ?? error.requestId
  const problem =
    request && options.problemDetails?.(error, request, { requestId, exposeServerErrors })
  return {
    error,
    status: error.status,
    headers: errorHeaders(error, {
      contentType: problem ? 'application/problem+json' : undefined,
      requestId,
    }),
    body:
      request?.method === 'HEAD'
        ? null
        : serialize((problem ?? toBody(error, { requestId, exposeServerErrors })) as ErrorBody),
  }
}

/**
 * What a reporting hook is told besides the original error.
 *
 * @example
 * ```ts
 * const context: ErrorContext = { error, request, expected: error.status < 500 }
 * ```
 */
export interface ErrorContext {
  /** The normalised error, as the client sees it (before redaction). */
  readonly error: ApiError
  readonly request?: Request
  /** The request id the response carries, when correlation is on. */
  readonly requestId?: string
  /** True for 4xx: the client's mistake, not a fault to page anyone about. */
  readonly expected: boolean
  /**
   * True when the operation declared its errors (`declared`) and this code is not among them:
   * answered all the same, but the declaration has drifted from the code.
   */
  readonly undeclared?: boolean
}

/**
 * The reporting hook adapters call once per error with the original thrown value. It may
 * return a promise; a hook that throws or rejects never breaks the response.
 *
 * @example
 * ```ts
 * const onError: ErrorReporter = (thrown, { expected }) => {
 *   if (!expected) Sentry.captureException(thrown)
 * }
 * ```
 */
export type ErrorReporter = (thrown: unknown, context: ErrorContext) => void | Promise<void>

/**
 * Options of {@link handleError}, shared by every adapter.
 *
 * @example
 * ```ts
 * const options: HandleErrorOptions = { catalog: errors, onError: console.error }
 * ```
 */
export interface HandleErrorOptions extends RenderOptions {
  readonly catalog?: Catalog
  readonly onError?: ErrorReporter
  /** Keeps an async reporting hook alive past the response (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: (promise: Promise<unknown>) => void
  /** What the operation that failed declared it may answer (see `declareErrors`). */
  readonly declared?: DeclaredErrors | undefined
  /**
   * What to do with an error the operation did not declare: `'answer'` it as it is (the
   * default; the hook is told `undeclared: true`), or `'fail'`: answer 500 `SERVER_ERROR`, so
   * that a test sees the drift.
   */
  readonly undeclared?: 'answer' | 'fail' | undefined
}

/**
 * The whole error path in one call: normalise anything thrown, report it (when there is an
 * `onError`), render it: the JSON body (or, given `problemDetails`, RFC 9457 Problem Details
 * when the request prefers `application/problem+json`), with `cache-control: no-store`,
 * `vary: accept`, `retry-after` and `x-request-id` where they apply. Never throws.
 *
 * @example
 * ```ts
 * try {
 *   return await handler(request)
 * } catch (thrown) {
 *   return handleError(thrown, { request, catalog: errors, onError: console.error })
 * }
 * ```
 */
export function handleError(thrown: unknown, options: HandleErrorOptions = {}): Response {
  const rendered = reportAndRender(thrown, options)
  return new Response(rendered.body, rendered)
}

/**
 * {@link handleError} without the `Response`, for adapters that build responses their own way:
 * normalise, call the reporting hook, and render status, headers and body. Never throws.
 *
 * @example
 * ```ts
 * const { status, headers, body } = reportAndRender(thrown, { request, catalog: errors })
 * ```
 */
export function reportAndRender(thrown: unknown, options: HandleErrorOptions = {}): RenderedError {
  let error = toApiError(thrown, options)
  const undeclared = options.declared ? !options.declared.has(error.code) : undefined
  if (undeclared && options.undeclared === 'fail') {
    error = fromStatus(500, { catalog: options.catalog, cause: thrown })
  }
  if (options.onError) {
    const requestId = options.requestId ?? error.requestId
    const { request } = options
    const context = { error, request, requestId, expected: error.expected, undeclared }
    callReporter(options.onError, thrown, context, options)
  }
  try {
    return render(error, options)
  } catch {
    return render(toApiError(undefined), {})
  }
}

/**
 * Calls a reporting hook as every adapter must: a hook that throws or rejects never changes the
 * response, and an async one is kept alive with `waitUntil` when there is one.
 *
 * @example
 * ```ts
 * callReporter(options.onError, thrown, { error, request, expected: error.expected }, { waitUntil })
 * ```
 */
export function callReporter<Context>(
  hook: ((thrown: unknown, context: Context) => unknown) | undefined,
  thrown: unknown,
  context: Context,
  options: { readonly waitUntil?: ((promise: Promise<unknown>) => void) | undefined } = {},
): void {
  const { waitUntil } = options
  try {
    const result = hook?.(thrown, context) as Promise<unknown> | undefined
    if (result && typeof result.then === 'function') {
      // settled first: `waitUntil?.(…)` would not even evaluate its argument without a waitUntil
      const settled = Promise.resolve(result).catch(() => {})
      waitUntil?.(settled)
    }
  } catch {
    // a failing reporter must not change the response
  }
}
