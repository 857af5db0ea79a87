import type { ApiError } from './error'

/**
 * The brand every Faultline error carries. `Symbol.for` gives the same symbol in every copy of
 * the package, so an error made by one bundle is recognised by another.
 */
export const API_ERROR = Symbol.for('faultline.api-error')

/**
 * Tells whether a value is a Faultline error, optionally of one code. Works across copies of
 * the package (it checks a brand, not `instanceof`) and never throws, even on hostile proxies.
 *
 * @example
 * ```ts
 * try {
 *   await vote(postId)
 * } catch (e) {
 *   if (isApiError(e, 'VOTE_EXISTS')) return alreadyVoted()
 *   throw e
 * }
 * ```
 */
export function isApiError(value: unknown): value is ApiError
export function isApiError<C extends string>(value: unknown, code: C): value is ApiError<C>
export function isApiError(value: unknown, code?: string): boolean {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[API_ERROR] === true &&
      (code === undefined || (value as { code?: unknown }).code === code)
    )
  } catch {
    return false
  }
}
