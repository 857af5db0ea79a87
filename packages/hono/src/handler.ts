import { createError } from '@faultline/core'
import type { ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono'
import { type ErrorHandlerOptions, render } from './render'

/**
 * The `app.onError` handler: renders any error as the catalog response. Catalog errors keep their
 * code; a Hono `HTTPException` gets the catalog code for its status (and its message for 4xx; an
 * attached `res` gives its headers, such as `WWW-Authenticate`); anything else is a 500 whose
 * message never reaches the client. JSON or Problem Details by `Accept`, `cache-control:
 * no-store`, `Retry-After` on 429/503, and the request id when asked for.
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

/**
 * The `app.notFound` handler: the catalog's `NOT_FOUND` (404) for any unmatched route, including
 * routes under sub-apps mounted with `app.route()`. Hono ignores `notFound` set on a sub-app;
 * for a sub-app of its own, mount it as its last route: `sub.all('*', notFoundHandler())`.
 *
 * @example
 * ```ts
 * app.notFound(notFoundHandler({ catalog: errors }))
 * ```
 */
export function notFoundHandler(options: ErrorHandlerOptions = {}): NotFoundHandler {
  const { catalog } = options
  return (c) => render(createError(catalog, 'NOT_FOUND'), c, options)
}
