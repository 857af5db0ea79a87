import type { Catalog } from '@faultline/core'
import type { SchemaOptions } from './data-schema'
import { jsonEqual } from './json'
import { openApiComponents } from './openapi'

/**
 * Adds a catalog's error components to an OpenAPI 3.1 document, such as the one
 * `@hono/zod-openapi` builds with `app.getOpenAPI31Document(...)`. Returns a new document; the
 * one given is not changed. A component the document already has under the same name is kept
 * if it is identical and is an error otherwise, so nothing of yours is overwritten silently.
 *
 * @example
 * ```ts
 * import { OpenAPIHono } from '@hono/zod-openapi'
 * import { withErrorComponents } from '@faultline/docs'
 *
 * const app = new OpenAPIHono()
 * // ... app.openapi(route, handler) with `...errorResponses(errors, { codes: ['POST_NOT_FOUND'] })`
 * app.get('/openapi.json', (c) =>
 *   c.json(withErrorComponents(app.getOpenAPI31Document({ openapi: '3.1.0', info }), { catalog: errors })),
 * )
 * ```
 */
export function withErrorComponents<T extends { readonly openapi: string }>(
  document: T,
  options: { readonly catalog: Catalog } & SchemaOptions,
): T {
  const { catalog } = options
  if (!document.openapi.startsWith('3.1')) {
    throw new TypeError(
      `The error components are OpenAPI 3.1 (JSON Schema 2020-12); this document is ${document.openapi}`,
    )
  }
  const generated = openApiComponents(catalog, options)
  const existing = (document as { components?: Record<string, unknown> }).components ?? {}
  const components: Record<string, unknown> = { ...existing }
  for (const kind of ['schemas', 'responses', 'headers'] as const) {
    const merged: Record<string, unknown> = { ...(existing[kind] as object | undefined) }
    for (const [name, value] of Object.entries(generated[kind])) {
      if (Object.hasOwn(merged, name) && !jsonEqual(merged[name], value)) {
        throw new TypeError(
          `The document already has a different components.${kind}.${name}; rename it or drop it before adding the error components`,
        )
      }
      merged[name] = value
    }
    components[kind] = merged
  }
  return { ...document, components }
}
