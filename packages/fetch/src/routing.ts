import { type ApiError, type Catalog, createError } from '@faultline/core'

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
 * The 404 `NOT_FOUND` error for a request no route matched. It is returned, not thrown:
 * `throw notFound()` inside a handler wrapped by `withErrors`.
 *
 * @example
 * ```ts
 * const handler = withErrors((request) => {
 *   if (new URL(request.url).pathname === '/health') return new Response('ok')
 *   throw notFound()
 * })
 * ```
 */
export function notFound(options: RouteErrorOptions = {}): ApiError<'NOT_FOUND', undefined> {
  return createError(options.catalog, 'NOT_FOUND', { message: options.message })
}

/**
 * The 405 `METHOD_NOT_ALLOWED` error, with an `Allow` header listing the methods the resource
 * answers. It is returned, not thrown: `throw methodNotAllowed(['GET', 'POST'])`.
 *
 * @example
 * ```ts
 * if (request.method !== 'GET' && request.method !== 'POST') {
 *   throw methodNotAllowed(['GET', 'POST'])
 * }
 * ```
 */
export function methodNotAllowed(
  allowed: readonly string[],
  options: RouteErrorOptions = {},
): ApiError<'METHOD_NOT_ALLOWED', undefined> {
  const allow = [...new Set(allowed.map((method) => method.trim().toUpperCase()))].join(', ')
  return createError(options.catalog, 'METHOD_NOT_ALLOWED', {
    message: options.message,
    headers: { allow },
  })
}
