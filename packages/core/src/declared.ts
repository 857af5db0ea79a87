import type { ApiErrorOf, Catalog, CodeOf, ErrorDefinitions } from './catalog'
import type { ApiError } from './error'

/**
 * What every operation may answer unless told otherwise: a malformed or invalid request, missing
 * or refused credentials, a rate limit, and the 5xx. Only those the catalog defines count.
 */
export const COMMON_CODES = [
  'BAD_REQUEST',
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'SERVER_ERROR',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
] as const

/** The codes of {@link COMMON_CODES} a catalog defines. */
export type CommonCode<T extends ErrorDefinitions> = Extract<
  CodeOf<T>,
  (typeof COMMON_CODES)[number]
>

/**
 * The errors one route or procedure may answer: the codes it declares plus those every operation
 * may answer. Adapters use it to narrow clients and to report an error it does not list as
 * undeclared; the OpenAPI generator lists exactly these codes for the operation.
 */
// biome-ignore lint/suspicious/noExplicitAny: the default accepts every catalog's declarations
export interface DeclaredErrors<T extends ErrorDefinitions = any, C = CodeOf<T>> {
  readonly catalog: Catalog<T>
  /** Every code the operation may answer, declared and common, in that order. */
  readonly codes: readonly C[]
  /** Whether the operation may answer a code. */
  has(code: unknown): code is C
}

/** The errors a {@link DeclaredErrors} may answer, narrowable on `code`. */
export type DeclaredErrorOf<D> =
  D extends DeclaredErrors<infer T, infer C>
    ? Extract<ApiErrorOf<Catalog<T>>, ApiError<C & string, unknown>>
    : never

/**
 * Declares what one route or procedure may answer: a subset of the catalog, on top of the codes
 * every operation may answer ({@link COMMON_CODES}, or `common`). An unknown code throws a
 * `TypeError` now, not at the first request.
 *
 * @example
 * ```ts
 * const getPost = declareErrors(errors, ['POST_NOT_FOUND'])
 * getPost.has('POST_NOT_FOUND') // true
 * getPost.has('UNAUTHORIZED') // true: every route may answer it
 * getPost.has('VOTE_EXISTS') // false
 * ```
 */
export function declareErrors<
  T extends ErrorDefinitions,
  const C extends CodeOf<T>,
  const K extends CodeOf<T> = CommonCode<T>,
>(
  catalog: Catalog<T>,
  codes: readonly C[],
  options: { readonly common?: readonly K[] } = {},
): DeclaredErrors<T, C | K> {
  for (const code of [...codes, ...(options.common ?? [])]) {
    if (!catalog.has(code)) throw new TypeError(`Error code "${code}" is not in the catalog`)
  }
  const common = options.common ?? COMMON_CODES.filter((code) => catalog.has(code))
  const all = [...new Set<string>([...codes, ...common])] as (C | K)[]
  const set = new Set<unknown>(all)
  return { catalog, codes: all, has: (code): code is C | K => set.has(code) }
}
