import { methodNotAllowed, notFound } from '@faultline/core/adapter'
import type { Context, ErrorHandler, Hono, MiddlewareHandler, NotFoundHandler } from 'hono'
import { type ErrorHandlerOptions, render } from './render'

/**
 * The `app.onError` handler: renders any error as the catalog response. Catalog errors keep their
 * code; a Hono `HTTPException` gets the catalog code for its status (and its message for 4xx; an
 * attached `res` gives its headers, such as `WWW-Authenticate`); anything else is a 500 whose
 * message never reaches the client. JSON (or, with core's `problemDetails`, Problem Details by
 * `Accept`), `cache-control: no-store`, `Retry-After` on 429/503, and the request id when asked
 * for.
 *
 * @example
 * ```ts
 * const app = new Hono()
 * app.use(errorBoundary({ catalog: errors }))
 * app.onError(errorHandler({ catalog: errors, onError: (thrown, { expected }) => {
 *   if (!expected) console.error(thrown)
 * } }))
 * app.get('/posts/:id', (c) => {
 *   throw errors.create('POST_NOT_FOUND')
 * })
 * ```
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorHandler {
  return (error, c) => render(error, c, options)
}

/**
 * A middleware that catches what `app.onError` never sees: Hono hands only `Error` instances to
 * its error handler, so a thrown string, `null`, `undefined` or plain object would escape as a
 * rejected promise (an empty 500, or a crash, depending on the runtime). Register it first, next
 * to {@link errorHandler} with the same options.
 *
 * @example
 * ```ts
 * app.use(errorBoundary({ catalog: errors }))
 * app.get('/legacy', () => {
 *   throw 'timeout' // answered as the catalog 500, not an unhandled rejection
 * })
 * ```
 */
export function errorBoundary(options: ErrorHandlerOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next()
    } catch (thrown) {
      c.res = await render(thrown, c, options)
    }
  }
}

/** Options of {@link notFoundHandler}: those of {@link errorHandler}, plus the app. */
export interface NotFoundOptions extends ErrorHandlerOptions {
  /**
   * The app itself: with it, a path the app serves with other methods answers 405
   * `METHOD_NOT_ALLOWED` with `Allow` (`OPTIONS` included) instead of 404, as on every surface.
   */
  // biome-ignore lint/suspicious/noExplicitAny: any app, whatever its Env and schema
  readonly app?: Pick<Hono<any, any, any>, 'routes' | 'router'>
}

/**
 * The `app.notFound` handler: the catalog's `NOT_FOUND` (404) for any unmatched route, including
 * routes under sub-apps mounted with `app.route()`; given the app, 405 `METHOD_NOT_ALLOWED` with
 * `Allow` for a path it serves with other methods. Hono ignores `notFound` set on a sub-app;
 * for a sub-app of its own, mount it as its last route: `sub.all('*', notFoundHandler())`.
 *
 * @example
 * ```ts
 * app.notFound(notFoundHandler({ catalog: errors, app }))
 * ```
 */
export function notFoundHandler(options: NotFoundOptions = {}): NotFoundHandler {
  const { catalog, app } = options
  return (c) => {
    const allowed = app ? allowedMethods(app, c) : undefined
    const error = allowed?.size ? methodNotAllowed(allowed, { catalog }) : notFound({ catalog })
    return render(error, c, options)
  }
}

// The methods the app's own router serves at this path, or none when it serves the request's
// method there (a handler that answered not found itself: a 404, not a 405).
function allowedMethods(app: NonNullable<NotFoundOptions['app']>, c: Context): Set<string> {
  const allowed = new Set<string>()
  try {
    const methods = new Set(app.routes.map((route) => route.method))
    methods.delete('ALL') // middleware, and app.all() routes, which would have matched
    for (const method of methods) {
      const [matches] = app.router.match(method, c.req.path)
      if (matches.some(([[, route]]) => route.method === method)) allowed.add(method)
    }
  } catch {
    // a router that cannot tell: a plain 404
  }
  const own = c.req.method === 'HEAD' ? 'GET' : c.req.method
  return allowed.has(own) ? new Set() : allowed
}
