import {
  type ApiError,
  type ApiErrorOf,
  type Catalog,
  type CatalogOption,
  type DeclaredErrorOf,
  type DeclaredErrors,
  type DefaultCatalog,
  parseErrorResponse,
} from '@faultline/core'

/**
 * What {@link readResult} gives: the response when it succeeded, else the typed error.
 *
 * @example
 * ```ts
 * const result: FetchResult<typeof errors> = await readResult(response, { catalog: errors })
 * ```
 */
export type FetchResult<C extends Catalog = DefaultCatalog, E = ApiErrorOf<C>> =
  | { readonly ok: true; readonly response: Response }
  | { readonly ok: false; readonly error: E }

/**
 * Reads a `Response` from any `fetch` without throwing. A 4xx or 5xx becomes the catalog's
 * typed error (its body is consumed): JSON or Problem Details bodies keep their code, message,
 * `errors`, `data` and `requestId`; an HTML page from a proxy or an empty body gives the
 * catalog's code for the status. `Retry-After` is `error.retryAfter`, in seconds. 2xx and 3xx
 * responses (a 304, or `redirect: 'manual'`) are returned untouched.
 *
 * @example
 * ```ts
 * const result = await readResult(await fetch('/api/posts/7'), { catalog: errors })
 * if (!result.ok) {
 *   if (result.error.code === 'POST_NOT_FOUND') return showMissing()
 *   if (result.error.retryAfter) return retryIn(result.error.retryAfter)
 *   throw result.error
 * }
 * const post = await result.response.json()
 * ```
 *
 * Given the route's declaration (core's `declareErrors`, shared with the server) instead of the
 * catalog, the error is typed with exactly the codes the route declares.
 *
 * @example
 * ```ts
 * const result = await readResult(await fetch('/api/posts/7'), { declared: getPost })
 * if (!result.ok && result.error.code === 'POST_NOT_FOUND') result.error.data.postId
 * ```
 */
export async function readResult<D extends DeclaredErrors>(
  response: Response,
  options: { readonly declared: D },
): Promise<FetchResult<Catalog, DeclaredErrorOf<D>>>
export async function readResult<C extends Catalog = DefaultCatalog>(
  response: Response,
  options?: CatalogOption<C>,
): Promise<FetchResult<C>>
export async function readResult(
  response: Response,
  options: CatalogOption & { readonly declared?: DeclaredErrors } = {},
): Promise<FetchResult<Catalog, ApiError>> {
  if (!isFailure(response)) return { ok: true, response }
  // without a catalog, core parses against the default one
  const catalog = options.declared?.catalog ?? options.catalog
  return { ok: false, error: await parseErrorResponse(response, { catalog }) }
}

/**
 * Returns a successful `Response` as it is, and throws the catalog's typed error for a 4xx or
 * 5xx one; see {@link readResult}. Narrow what it throws with `errors.is(e, code)` or
 * `isApiError(e, code)`.
 *
 * @example
 * ```ts
 * try {
 *   const response = await ensureOk(await fetch('/api/posts', { method: 'POST', body }), { catalog: errors })
 *   return await response.json()
 * } catch (e) {
 *   if (errors.is(e, 'VALIDATION_ERROR')) return showIssues(e.errors)
 *   throw e
 * }
 * ```
 */
export async function ensureOk<C extends Catalog = DefaultCatalog>(
  response: Response,
  options: CatalogOption<C> = {},
): Promise<Response> {
  const result = await readResult(response, options)
  if (!result.ok) throw result.error
  return result.response
}

function isFailure(response: Response): boolean {
  return response.status >= 400 || response.type === 'error'
}
