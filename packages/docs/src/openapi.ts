import type { Catalog, CodeOf, ErrorDefinition, ErrorDefinitions } from '@faultline/core'
import { dataSchema, type SchemaOptions } from './data-schema'
import { type JsonObject, ref } from './json'
import { codeSchema, SHARED_SCHEMAS, schemaName, sharedSchemas } from './schemas'
import { entriesOf, statusRows, statusText } from './statuses'

/**
 * The generated OpenAPI 3.1 components: `schemas`, `responses` (one `Error<status>` per status
 * the catalog uses) and `headers`.
 */
export interface ErrorComponents {
  readonly schemas: Readonly<Record<string, JsonObject>>
  readonly responses: Readonly<Record<string, JsonObject>>
  readonly headers: Readonly<Record<string, JsonObject>>
}

/**
 * OpenAPI 3.1 components (JSON Schema 2020-12) for a catalog: the schemas `ValidationIssue`,
 * `ErrorBody` and `ProblemDetails`, one closed schema per code (named after the code, `code` as
 * a `const`, `data` from the entry's schema when its library gives JSON Schema, or from the
 * `jsonSchema` option), and a response per status, `Error404` and so on, whose
 * `application/json` body is `oneOf` that status's codes with a `discriminator` on `code`, plus
 * `application/problem+json`, the `x-request-id` header, and `Retry-After` on 429 and 503.
 *
 * @example
 * ```ts
 * const { schemas, responses, headers } = openApiComponents(errors)
 * responses.Error404 // { description, headers, content: { 'application/json': ..., ... } }
 * ```
 */
export function openApiComponents(catalog: Catalog, options: SchemaOptions = {}): ErrorComponents {
  const schemas: Record<string, JsonObject> = { ...sharedSchemas() }
  const byStatus = new Map<number, string[]>()
  const reserved = new Set<string>(SHARED_SCHEMAS)
  const take = (name: string, code: string) => {
    if (reserved.has(name)) {
      throw new TypeError(`Error code "${code}" needs the schema name "${name}", already taken`)
    }
    reserved.add(name)
  }
  for (const [code, entry] of entriesOf(catalog)) {
    const name = schemaName(code)
    take(name, code)
    const data = dataSchema(name, entry, options)
    schemas[name] = codeSchema(catalog, code, entry, data?.schema, data?.example)
    for (const [component, schema] of Object.entries(data?.components ?? {})) {
      take(component, code)
      schemas[component] = schema
    }
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), code])
  }
  const responses: Record<string, JsonObject> = {}
  for (const [status, codes] of byStatus) {
    responses[responseName(status)] = statusResponse(catalog, status, codes, schemas)
  }
  return { schemas, responses, headers: sharedHeaders() }
}

/**
 * `$ref`s to the generated error responses for some codes (or every code), keyed by status: the
 * `responses` of a route, in the spec's own words, with statuses read from the catalog.
 *
 * @example
 * ```ts
 * createRoute({ method: 'get', path: '/posts/{id}', responses: {
 *   200: { description: 'The post' },
 *   ...errorResponses(errors, { codes: ['POST_NOT_FOUND', 'UNAUTHORIZED'] }),
 * } })
 * // 404 → { $ref: '#/components/responses/Error404' }, 401 → Error401
 * ```
 */
export function errorResponses<T extends ErrorDefinitions>(
  catalog: Catalog<T>,
  options: { readonly codes?: readonly CodeOf<T>[] } = {},
): Record<`${number}`, { readonly $ref: string }> {
  const { codes } = options
  const definitions = catalog.definitions as Record<string, ErrorDefinition>
  const statuses = (codes ?? Object.keys(definitions)).map((code) => {
    const entry = definitions[code]
    if (!entry) throw new TypeError(`Unknown error code "${code}": it is not in the catalog`)
    return entry.status
  })
  const refs: Record<`${number}`, { readonly $ref: string }> = {}
  for (const status of [...new Set(statuses)].sort((a, b) => a - b)) {
    refs[`${status}`] = { $ref: `#/components/responses/${responseName(status)}` }
  }
  return refs
}

/** The name of a status's response component: `Error404`. */
export function responseName(status: number): string {
  return `Error${status}`
}

/**
 * The response of one status answering some of its codes: the JSON body `oneOf` their schemas
 * (a `discriminator` on `code`), Problem Details with their codes, and the headers they send.
 */
export function statusResponse(
  catalog: Catalog,
  status: number,
  codes: readonly string[],
  schemas: Readonly<Record<string, JsonObject>>,
): JsonObject {
  const row = statusRows(catalog).find((candidate) => candidate.statuses.includes(status))
  const list = codes.map((code) => `\`${code}\``).join(', ')
  const mapping = Object.fromEntries(
    codes.map((code) => [code, `#/components/schemas/${schemaName(code)}`]),
  )
  const headers: Record<string, JsonObject> = { 'x-request-id': ref('headers', 'RequestId') }
  if (status === 429 || status === 503) headers['Retry-After'] = ref('headers', 'RetryAfter')
  for (const code of codes) {
    const entry = (catalog.definitions as Record<string, ErrorDefinition>)[code]
    for (const [name, value] of Object.entries(entry?.headers ?? {})) {
      const taken = Object.keys(headers).map((header) => header.toLowerCase())
      if (taken.includes(name.toLowerCase()) || name.toLowerCase() === 'content-type') continue
      headers[name] = {
        description: `Sent with \`${code}\`.`,
        schema: { type: 'string', examples: [value] },
      }
    }
  }
  return {
    description: `${status} ${statusText(status)}: ${row?.meaning ?? statusText(status)} Codes: ${list}.`,
    headers,
    content: {
      'application/json': {
        schema:
          codes.length === 1
            ? ref('schemas', schemaName(codes[0] as string))
            : {
                oneOf: codes.map((code) => ref('schemas', schemaName(code))),
                discriminator: { propertyName: 'code', mapping },
              },
      },
      'application/problem+json': { schema: problemSchema(status, codes, schemas) },
    },
  }
}

function sharedHeaders(): Record<string, JsonObject> {
  return {
    RequestId: {
      description:
        'The id of the request (when request-id correlation is on), also `requestId` in the body.',
      schema: { type: 'string' },
    },
    RetryAfter: {
      description: 'How long to wait before retrying: a number of seconds, or an HTTP date.',
      schema: { type: 'string', examples: ['30'] },
    },
  }
}

// Problem Details of some codes: `ProblemDetails` with their status and codes; when one of them
// declares `data`, one variant per code, so that each carries (and requires) its own `data`.
function problemSchema(
  status: number,
  codes: readonly string[],
  schemas: Readonly<Record<string, JsonObject>>,
): JsonObject {
  const statusSchema = { type: 'integer', const: status }
  const dataOf = (code: string) =>
    (schemas[schemaName(code)]?.properties as JsonObject | undefined)?.data as
      | JsonObject
      | undefined
  if (!codes.some((code) => dataOf(code))) {
    return {
      allOf: [
        ref('schemas', 'ProblemDetails'),
        { properties: { status: statusSchema, code: { type: 'string', enum: [...codes] } } },
      ],
    }
  }
  const variants = codes.map((code): JsonObject => {
    const data = dataOf(code)
    return {
      allOf: [ref('schemas', 'ProblemDetails')],
      properties: {
        status: statusSchema,
        code: { type: 'string', const: code },
        ...(data ? { data } : {}),
      },
      ...(data ? { required: ['data'] } : {}),
    }
  })
  return variants.length === 1 ? (variants[0] as JsonObject) : { oneOf: variants }
}
