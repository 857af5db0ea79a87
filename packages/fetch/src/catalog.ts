import type { ApiError, Catalog, CreateOptions, DefaultCode } from '@faultline/core'
import { defaultCatalog } from '@faultline/core'

/**
 * The error for a default code, from the caller's catalog when it defines the code (its status
 * and message win), else from the default catalog.
 */
export function catalogError<C extends DefaultCode>(
  catalog: Catalog | undefined,
  code: C,
  options: Pick<CreateOptions, 'message' | 'headers'> = {},
): ApiError<C, undefined> {
  const source: Catalog = catalog?.has(code) ? catalog : defaultCatalog()
  return source.create(code, options) as ApiError<C, undefined>
}
