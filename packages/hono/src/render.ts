import {
  drainBody,
  type HandleErrorOptions,
  type RequestIdOption,
  reportAndRender,
  requestIdOf,
} from '@faultline/core/adapter'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DECLARED } from './declared'

/**
 * Options shared by {@link errorHandler}, {@link errorBoundary} and {@link notFoundHandler}: the
 * core's own (`catalog`, the `onError` reporting hook, `exposeServerErrors`, `problemDetails`)
 * plus request-id correlation.
 *
 * @example
 * ```ts
 * const options: ErrorHandlerOptions = {
 *   catalog: errors,
 *   onError: (thrown, { expected }) => { if (!expected) console.error(thrown) },
 *   requestId: true,
 * }
 * ```
 */
export interface ErrorHandlerOptions
  extends Pick<
    HandleErrorOptions,
    'catalog' | 'onError' | 'exposeServerErrors' | 'problemDetails' | 'undeclared'
  > {
  /**
   * Request-id correlation (core's `RequestIdOption`), off by default. With `true` each error
   * carries `c.get('requestId')` when `hono/request-id` runs, else the safe incoming
   * `x-request-id`, else a UUID, as `requestId` in the body and the `x-request-id` header; the
   * id is fixed once per request, so a `withErrors` around the app and the reporting hook see it.
   */
  readonly requestId?: RequestIdOption
}

/** A thrown `HTTPException` that carries its own `res`, recognised by shape, not by class. */
interface CarriedResponse {
  readonly status: number
  readonly res: Response
  getResponse(): Response
}

/**
 * The catalog response for anything thrown, rendered through Hono's context so that headers set
 * before the throw (CORS, `hono/request-id`) stay, while the error's own headers win. A request
 * body nobody read is drained first (core's `drainBody`) so that the client's keep-alive
 * connection survives on workerd; without a body the answer stays synchronous.
 */
export function render(
  thrown: unknown,
  c: Context,
  options: ErrorHandlerOptions = {},
): Response | Promise<Response> {
  const response = renderResponse(thrown, c, options)
  const body = c.req.raw.body
  return body === null || body.locked ? response : drainBody(c.req.raw).then(() => response)
}

function renderResponse(thrown: unknown, c: Context, options: ErrorHandlerOptions): Response {
  const exception = carried(thrown)
  // A 3xx HTTPException (a thrown redirect) is not an error: Hono's own response stands.
  if (exception && isRedirect(exception.status)) {
    try {
      return finish(c, exception.getResponse())
    } catch {
      // a redirect Hono cannot build: rendered as the error it is
    }
  }
  const { status, headers, body } = reportAndRender(thrown, {
    catalog: options.catalog,
    onError: options.onError,
    exposeServerErrors: options.exposeServerErrors,
    problemDetails: options.problemDetails,
    declared: c.get(DECLARED),
    undeclared: options.undeclared,
    request: c.req.raw,
    requestId: requestIdOf(c.req.raw, { requestId: idOption(c, options.requestId) }),
    waitUntil: (promise) => {
      try {
        c.executionCtx.waitUntil(promise)
      } catch {
        // no ExecutionContext outside Workers: the promise simply runs on
      }
    },
  })
  if (exception) keepHeaders(exception.res.headers, headers)
  return finish(c, c.newResponse(body, status as ContentfulStatusCode, headers))
}

// Drop the half-built response: Hono's `c.res` setter would copy its headers (cache-control,
// vary) over ours once more. Unfinalise so that Hono still takes the response we return.
function finish(c: Context, response: Response): Response {
  c.res = undefined
  c.finalized = false
  return response
}

// Only an integer 3xx: any other status Response() refuses (1xx, 204, 600, NaN) or is a success.
function isRedirect(status: unknown): boolean {
  return Number.isInteger(status) && (status as number) >= 300 && (status as number) <= 399
}

// `true` honours the id hono/request-id set on the context
function idOption(c: Context, option: RequestIdOption = false): RequestIdOption {
  if (option !== true) return option
  return () => {
    const id: unknown = c.get('requestId' as never)
    return typeof id === 'string' ? id : undefined
  }
}

function carried(thrown: unknown): CarriedResponse | undefined {
  try {
    const { res, getResponse } = thrown as Partial<CarriedResponse>
    if (thrown instanceof Error && res instanceof Response && typeof getResponse === 'function') {
      return thrown as Error & CarriedResponse
    }
  } catch {
    // a hostile getter: treat it as any other throw
  }
  return undefined
}

// Headers such as WWW-Authenticate or Set-Cookie survive; those describing the old body do not.
function keepHeaders(from: Headers, to: Record<string, string | string[]>): void {
  const ours = new Set(Object.keys(to))
  for (const [name, value] of from) {
    if (ours.has(name) || name.startsWith('content-')) continue
    const prior = to[name]
    to[name] = prior === undefined ? value : [prior, value].flat()
  }
}
