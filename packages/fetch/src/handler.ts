import {
  drainBody,
  type HandleErrorOptions,
  handleError,
  type RequestIdOption,
  requestIdOf,
} from '@faultline/core/adapter'

/**
 * A plain Fetch handler: Cloudflare Workers' `fetch(request, env, ctx)`, `Deno.serve`,
 * `Bun.serve`, Next.js route handlers, srvx.
 */
export type FetchHandler<R extends Request = Request, Args extends unknown[] = []> = (
  request: R,
  ...rest: Args
) => Response | Promise<Response>

/**
 * Options of {@link withErrors}.
 *
 * @example
 * ```ts
 * const options: WithErrorsOptions = { catalog: errors, onError: console.error, requestId: true }
 * ```
 */
export interface WithErrorsOptions
  extends Pick<
    HandleErrorOptions,
    'catalog' | 'onError' | 'exposeServerErrors' | 'problemDetails' | 'declared' | 'undeclared'
  > {
  /**
   * Request-id correlation (core's `RequestIdOption`), off by default. When on, every error
   * answer carries the id in its body and its `x-request-id` header, and the reporting hook gets
   * it; core's `requestIdOf(request)` gives the same id anywhere, layers around it included.
   */
  readonly requestId?: RequestIdOption
}

/**
 * Wraps a Fetch handler so that anything it throws or rejects with (an `ApiError`, any
 * `Error`, a string, `null`, …) becomes the catalog's error response: JSON (or, with core's
 * `problemDetails`, Problem Details by `Accept`), 5xx messages redacted, `onError` called
 * once. A handler that returns something other than a `Response` answers 500 too. Extra
 * arguments (Workers' `env` and `ctx`) pass through; when one has a `waitUntil` (Workers'
 * `ExecutionContext`, Next's `NextFetchEvent`), an async `onError` is kept alive with it.
 * Before an error answer (thrown or returned), a request body nobody read is drained (core's
 * `drainBody`: to its end, for up to 5 s) so the client's keep-alive connection survives on
 * workerd.
 *
 * @example
 * ```ts
 * export default {
 *   fetch: withErrors(async (request: Request, env: Env, ctx: ExecutionContext) => {
 *     const post = await env.DB.prepare('SELECT * FROM posts WHERE id = ?').bind(1).first()
 *     if (!post) throw errors.create('POST_NOT_FOUND')
 *     return Response.json(post)
 *   }, { catalog: errors, requestId: true }),
 * }
 * ```
 */
export function withErrors<R extends Request, Args extends unknown[]>(
  handler: FetchHandler<R, Args>,
  options: WithErrorsOptions = {},
): (request: R, ...rest: Args) => Promise<Response> {
  const { catalog, onError, exposeServerErrors, problemDetails, declared, undeclared } = options
  const requestId = options.requestId ?? false
  return async (request, ...rest) => {
    try {
      const response: unknown = await handler(request, ...rest)
      if (!isResponse(response)) {
        throw new TypeError(`The handler returned ${kindOf(response)} instead of a Response`)
      }
      if (response.status >= 400 && hasUnreadBody(request)) await drainBody(request)
      return response
    } catch (thrown) {
      if (hasUnreadBody(request)) await drainBody(request)
      return handleError(thrown, {
        catalog,
        onError,
        exposeServerErrors,
        problemDetails,
        declared,
        undeclared,
        request,
        requestId: requestIdOf(request, { requestId }),
        waitUntil: onError ? waitUntilOf(rest) : undefined,
      })
    }
  }
}

// drainBody's own first check, made before the call: without a body to drain (most error
// answers), awaiting drainBody would only cost the error path its promise and microtask turns.
function hasUnreadBody(request: Request): boolean {
  try {
    const body = request.body
    return body != null && !body.locked
  } catch {
    return false
  }
}

function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true
  // a Response from another realm or polyfill
  try {
    const candidate = value as Partial<Response> | null | undefined
    return (
      typeof candidate?.status === 'number' &&
      typeof candidate.headers?.get === 'function' &&
      typeof candidate.arrayBuffer === 'function'
    )
  } catch {
    return false
  }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return `${type === 'object' ? 'an' : 'a'} ${type}`
}

// Workers pass the ExecutionContext third; Next.js middleware passes its event second.
function waitUntilOf(rest: readonly unknown[]) {
  for (const candidate of [rest[1], rest[0]]) {
    try {
      const waitUntil = (candidate as { waitUntil?: unknown } | undefined)?.waitUntil
      if (typeof waitUntil === 'function') {
        // called as a method: workerd throws "Illegal invocation" on a detached waitUntil
        return (promise: Promise<unknown>) => waitUntil.call(candidate, promise)
      }
    } catch {
      // a hostile argument: no waitUntil
    }
  }
  return undefined
}
