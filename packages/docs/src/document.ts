import type { Catalog, CodeOf, ErrorDefinition, ErrorDefinitions } from '@faultline/core/adapter'
import type { SchemaOptions } from './data-schema'
import type { JsonObject } from './json'
import { type ErrorComponents, openApiComponents, statusResponse } from './openapi'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** An HTTP method, as OpenAPI spells it in a path item. */
export type OpenApiMethod = (typeof METHODS)[number] | Uppercase<(typeof METHODS)[number]>

/**
 * One operation of the API: where it is, what it answers when it succeeds (plain OpenAPI), and
 * the catalog codes it declares, as codes or as a catalog holding them (such as a subset picked
 * from the whole catalog).
 */
export interface OpenApiOperation<C extends string = string> {
  readonly method: OpenApiMethod
  /** An OpenAPI path template, `/posts/{id}`; Hono's `/posts/:id` is read as the same. */
  readonly path: string
  /**
   * The codes this operation may answer, on top of the common ones: a list, a catalog holding
   * them (its `definitions`), or any object listing them as `codes`.
   */
  readonly errors?:
    | readonly C[]
    | { readonly definitions: { readonly [K in C]?: unknown } }
    | { readonly codes: readonly C[] }
  /** The success responses, by status: `{ 200: { description: 'The post', content: ... } }`. */
  readonly responses?: { readonly [status: string]: object }
  readonly operationId?: string
  readonly summary?: string
  readonly description?: string
  readonly tags?: readonly string[]
  /** Parameters; a path parameter left out is declared as a required string. */
  readonly parameters?: readonly object[]
  readonly requestBody?: object
  readonly security?: readonly object[]
  readonly deprecated?: boolean
}

/** The options of {@link openApiDocument}. */
export interface OpenApiDocumentOptions<C extends string = string> extends SchemaOptions {
  /** OpenAPI's Info Object: `title` and `version`, and `description`, `contact`, … as you like. */
  readonly info: {
    readonly title: string
    readonly version: string
    readonly description?: string
    readonly [field: string]: unknown
  }
  readonly operations?: readonly OpenApiOperation<C>[]
  /**
   * The codes every operation may answer, whatever it declares. Default: those of
   * `TOO_MANY_REQUESTS`, `SERVER_ERROR` and `SERVICE_UNAVAILABLE` the catalog has.
   */
  readonly common?: readonly C[]
  /**
   * The codes every operation with a `requestBody` may answer (core's body reading and
   * validation). Default: those of `BAD_REQUEST`, `VALIDATION_ERROR`, `PAYLOAD_TOO_LARGE` and
   * `UNSUPPORTED_MEDIA_TYPE` the catalog has.
   */
  readonly bodyErrors?: readonly C[]
  readonly servers?: readonly object[]
  readonly tags?: readonly object[]
  readonly security?: readonly object[]
  /** More components (`securitySchemes`, your own schemas), added beside the error ones. */
  readonly components?: { readonly [kind: string]: { readonly [name: string]: object } }
}

/** The common codes by default: the answers of any route (rate limit, crash, overload). */
export const DEFAULT_COMMON = ['TOO_MANY_REQUESTS', 'SERVER_ERROR', 'SERVICE_UNAVAILABLE'] as const
/** The codes of reading a request body by default: malformed, invalid, too large, wrong type. */
export const DEFAULT_BODY_ERRORS = [
  'BAD_REQUEST',
  'VALIDATION_ERROR',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const

/**
 * A whole OpenAPI 3.1 document for an API: each operation answers exactly its declared errors,
 * the common ones (429, 500, 503 by default) and, when it takes a body, the body errors (400,
 * 413, 415), one response per status listing that status's codes, as JSON and as Problem
 * Details; the error components (`openApiComponents`) hold the schemas. Without operations it
 * is the components-only document (with the `paths: {}` validators require).
 *
 * @example
 * ```ts
 * const document = openApiDocument(errors, {
 *   info: { title: 'Feedback API', version: '1.0.0' },
 *   operations: [
 *     { method: 'get', path: '/posts/{id}', errors: ['POST_NOT_FOUND'],
 *       responses: { 200: { description: 'The post' } } },
 *   ],
 * })
 * document.paths['/posts/{id}'].get.responses // 200, 404 (POST_NOT_FOUND), 429, 500, 503
 * ```
 */
export function openApiDocument<T extends ErrorDefinitions>(
  catalog: Catalog<T>,
  options: OpenApiDocumentOptions<CodeOf<T>>,
): OpenApiDocument {
  const definitions = catalog.definitions as Record<string, ErrorDefinition>
  const known = (list: readonly string[]) => list.filter((code) => Object.hasOwn(definitions, code))
  const common = options.common ?? known(DEFAULT_COMMON)
  const bodyErrors = options.bodyErrors ?? known(DEFAULT_BODY_ERRORS)
  const errorComponents = openApiComponents(catalog, options)
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const operation of options.operations ?? []) {
    const method = operation.method.toLowerCase()
    if (!(METHODS as readonly string[]).includes(method)) {
      throw new TypeError(`Unknown method "${operation.method}" of ${operation.path}`)
    }
    const path = operation.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
    const item = paths[path] ?? {}
    paths[path] = item
    if (item[method]) throw new TypeError(`Two operations for ${method.toUpperCase()} ${path}`)
    const declared = [
      ...codesOf(operation.errors),
      ...common,
      ...(operation.requestBody ? bodyErrors : []),
    ]
    item[method] = operationObject(catalog, operation, path, declared, errorComponents.schemas)
  }
  const { components: extra = {}, info, servers, tags, security } = options
  const components: Record<string, Record<string, object>> = { ...extra }
  for (const [kind, generated] of Object.entries(errorComponents)) {
    const mine = extra[kind] ?? {}
    const clash = Object.keys(mine).find((name) => Object.hasOwn(generated, name))
    if (clash) throw new TypeError(`components.${kind}.${clash} is an error component already`)
    components[kind] = { ...generated, ...mine }
  }
  return {
    openapi: '3.1.0',
    info,
    ...(servers ? { servers } : {}),
    ...(security ? { security } : {}),
    ...(tags ? { tags } : {}),
    paths,
    components,
  } as unknown as OpenApiDocument
}

/** An OpenAPI 3.1 document, as {@link openApiDocument} makes it. */
export interface OpenApiDocument extends JsonObject {
  readonly openapi: '3.1.0'
  readonly info: JsonObject
  readonly paths: { readonly [path: string]: { readonly [method: string]: JsonObject } }
  readonly components: ErrorComponents & {
    readonly [kind: string]: { readonly [name: string]: JsonObject }
  }
}

function codesOf(errors: OpenApiOperation['errors']): string[] {
  if (errors === undefined) return []
  if (Array.isArray(errors)) return [...errors]
  if ('codes' in errors && Array.isArray(errors.codes)) return [...errors.codes]
  return Object.keys((errors as Catalog).definitions)
}

function operationObject(
  catalog: Catalog,
  operation: OpenApiOperation,
  path: string,
  codes: readonly string[],
  schemas: Readonly<Record<string, JsonObject>>,
): JsonObject {
  const definitions = catalog.definitions as Record<string, ErrorDefinition>
  const byStatus = new Map<number, string[]>()
  for (const code of new Set(codes)) {
    const entry = definitions[code]
    if (!entry) {
      throw new TypeError(`Unknown error code "${code}" in ${path}: it is not in the catalog`)
    }
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), code])
  }
  const responses: Record<string, object> = {}
  for (const [status, given] of Object.entries(operation.responses ?? {})) {
    if (byStatus.has(Number(status))) {
      throw new TypeError(
        `${operation.method.toUpperCase()} ${path} gives a ${status} response its errors already answer; declare the error codes instead`,
      )
    }
    responses[status] = given
  }
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    // `catalog order` within a status, as the components list them
    const order = Object.keys(definitions)
    const statusCodes = (byStatus.get(status) ?? []).sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    )
    responses[`${status}`] = statusResponse(catalog, status, statusCodes, schemas)
  }
  const { method: _m, path: _p, errors: _e, responses: _r, parameters = [], ...rest } = operation
  return {
    ...rest,
    ...withPathParameters(path, parameters),
    responses,
  } as JsonObject
}

// Every `{name}` of the template needs a path parameter; one not given is a required string.
function withPathParameters(path: string, given: readonly object[]): { parameters?: object[] } {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string)
  const declared = new Set(
    given
      .filter((parameter) => (parameter as { in?: unknown }).in === 'path')
      .map((parameter) => (parameter as { name?: unknown }).name),
  )
  const added = names
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
  const parameters = [...added, ...given]
  return parameters.length > 0 ? { parameters } : {}
}
