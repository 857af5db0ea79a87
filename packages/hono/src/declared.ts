import type { CodeBody, CodeOf, DataOf, DeclaredErrors } from '@faultline/core'
import type { Env, MiddlewareHandler, TypedResponse } from 'hono'
import type { StatusCode } from 'hono/utils/http-status'

/** Where {@link declares} leaves the route's declaration for the error handler. */
export const DECLARED = 'faultline.declared'

/**
 * The error responses a declaration allows, as Hono's typed responses: one per code, with its
 * status and its body (`data` required where the code declares it).
 */
export type DeclaredResponse<D> =
  D extends DeclaredErrors<infer T, infer C>
    ? {
        [K in C & CodeOf<T>]: Response &
          TypedResponse<CodeBody<K, DataOf<T[K]>>, T[K]['status'] & StatusCode, 'json'>
      }[C & CodeOf<T>]
    : never

/**
 * Declares what a route may answer (core's `declareErrors`): `hc` then types the route's error
 * responses with exactly those codes (`res.status === 404` narrows to its 404 bodies), and
 * {@link errorHandler} reports an error it does not list with `undeclared: true` (or, with
 * `undeclared: 'fail'`, answers 500). Put it before the route's other middleware.
 *
 * @example
 * ```ts
 * const getPost = declareErrors(errors, ['POST_NOT_FOUND'])
 * app.get('/posts/:id', declares(getPost), (c) => c.json(findPost(c.req.param('id'))))
 * ```
 */
export function declares<
  D extends DeclaredErrors,
  // biome-ignore lint/suspicious/noExplicitAny: Hono's own default, so any app's Env fits
  E extends Env = any,
  P extends string = string,
>(declared: D): MiddlewareHandler<E, P, object, DeclaredResponse<D>> {
  return async (c, next) => {
    c.set(DECLARED as never, declared as never)
    await next()
  }
}
