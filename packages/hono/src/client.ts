import type { Catalog, CodeBody, CodeOf, DataOf } from '@faultline/core'
import type { StatusCode } from 'hono/utils/http-status'

/**
 * Every error response a catalog can produce, keyed by status, in the shape Hono's
 * `ApplyGlobalResponse` takes: give it to `hc` and `res.status === 404` narrows `res.json()` to
 * the catalog's 404 bodies. Statuses Hono does not know are left out.
 *
 * @example
 * ```ts
 * import type { ApplyGlobalResponse } from 'hono/client'
 *
 * export type AppType = ApplyGlobalResponse<typeof routes, CatalogResponses<typeof errors>>
 * const client = hc<AppType>('https://api.example.com')
 * const res = await client.posts[':id'].$get({ param: { id: '7' } })
 * if (res.status === 404) {
 *   const body = await res.json() // CodeBody<'NOT_FOUND', undefined> | CodeBody<'POST_NOT_FOUND', …>
 * }
 * ```
 */
export type CatalogResponses<C extends Catalog> =
  C extends Catalog<infer T>
    ? {
        [S in T[CodeOf<T>]['status'] & StatusCode]: {
          json: {
            [K in CodeOf<T>]: T[K]['status'] extends S ? CodeBody<K, DataOf<T[K]>> : never
          }[CodeOf<T>]
        }
      }
    : never
