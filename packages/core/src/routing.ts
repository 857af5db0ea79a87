import type { Catalog } from './catalog'
import type { ApiError } from './error'
import { createError } from './normalize'

/**
 * Options of {@link notFound} and {@link methodNotAllowed}.
 *
 * @example
 * ```ts
 * const options: RouteErrorOptions = { catalog: errors, message: 'No such route' }
 * ```
 */
export interface RouteErrorOptions {
  /** Where the code's status and default message come from; else the default catalog. */
  readonly catalog?: Catalog
  /** The message clients see instead of the catalog's default. */
  readonly message?: string
}

/**
 * The 404 `NOT_FOUND` error for a request no route matched: the same answer on every surface.
 * It is returned, not thrown: `throw notFound()`.
 *
 * @example
 * ```ts
 * if (new URL(request.url).pathname !== '/health') throw notFound({ catalog: errors })
 * ```
 */
export function notFound(options: RouteErrorOptions = {}): ApiError<'NOT_FOUND', undefined> {
  return createError('NOT_FOUND', { catalog: options.catalog, message: options.message })
}

/**
 * The 405 `METHOD_NOT_ALLOWED` error for a known path asked with a method it does not serve,
 * with `Allow` listing the methods it does, in one order on every surface. A path that serves
 * `GET` serves `HEAD` too (its answer without the body), so `HEAD` is listed with it. `OPTIONS`
 * is a method like any other: answered 405 unless the app serves it (a CORS middleware does).
 * It is returned, not thrown.
 *
 * @example
 * ```ts
 * throw methodNotAllowed(['GET', 'POST'], { catalog: errors }) // allow: GET, HEAD, POST
 * ```
 */
export function methodNotAllowed(
  allowed: Iterable<string>,
  options: RouteErrorOptions = {},
): ApiError<'METHOD_NOT_ALLOWED', undefined> {
  return createError('METHOD_NOT_ALLOWED', {
    catalog: options.catalog,
    message: options.message,
    headers: { allow: allowHeader(allowed) },
  })
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/**
 * The `Allow` value for a set of methods: upper case, each once, `HEAD` wherever `GET` is, in
 * the order `GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS`, then any others by name.
 */
function allowHeader(allowed: Iterable<string>): string {
  const methods = new Set([...allowed].map((method) => method.trim().toUpperCase()))
  if (methods.has('GET')) methods.add('HEAD')
  const others = [...methods].filter((method) => method !== '' && !ORDER.includes(method))
  return [...ORDER.filter((method) => methods.has(method)), ...others.sort()].join(', ')
}
