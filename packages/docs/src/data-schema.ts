import type { ErrorDefinition } from '@faultline/core/adapter'
import { dataFields, exampleOf } from './examples'
import { type JsonObject, toJson } from './json'

/**
 * Turns the schema a catalog entry gives for its `data` into JSON Schema, or `undefined` when it
 * cannot: the `jsonSchema` option of the OpenAPI functions. Pass `toJsonSchema` of
 * `@valibot/to-json-schema` for valibot; zod 4 and every library with the Standard JSON Schema
 * interface need none.
 */
// `never`: any one-argument function fits, whatever schema type its library declares.
export type JsonSchemaConverter = (schema: never) => object | undefined

/** What the OpenAPI functions take besides the catalog. */
export interface SchemaOptions {
  /** A converter tried before the schema's own (`~standard.jsonSchema`, then `toJSONSchema()`). */
  readonly jsonSchema?: JsonSchemaConverter
}

/** The schema of one code's `data`, and the components it needs (its `$defs`, hoisted). */
export interface DataSchema {
  readonly schema: JsonObject
  readonly components: Readonly<Record<string, JsonObject>>
  /** A value that fits the schema, for the example body; none for `fields`. */
  readonly example?: unknown
  /** The top-level fields of a converted schema: name, type, description, for the reference. */
  readonly fields?: readonly SchemaField[]
}

/** One top-level field of a `data` schema, as the reference lists it. */
export interface SchemaField {
  readonly name: string
  readonly type?: string
  readonly required: boolean
  readonly description?: string
}

/** The schema an entry gives for its `data` (a Standard Schema), or `undefined` for `fields`. */
export function schemaOf(entry: ErrorDefinition): object | undefined {
  const { data } = entry
  return data && !('descriptions' in data) ? data : undefined
}

/**
 * The JSON Schema of a code's `data`: from its schema (the converter of the options, else the
 * Standard JSON Schema interface, else a zod-4-style `toJSONSchema()` method), else the names of
 * its `fields` (any value each), else `{}`. `undefined` when the entry declares no `data`.
 * `$defs` become components named `<name>.data.<def>`, so that the document's `$ref`s resolve.
 */
export function dataSchema(
  name: string,
  entry: ErrorDefinition,
  options: SchemaOptions = {},
): DataSchema | undefined {
  const source = schemaOf(entry)
  if (source !== undefined) {
    const converted = convert(source, options.jsonSchema)
    if (!converted) return { schema: {}, components: {} }
    const fields = fieldsOf(converted)
    return { ...embed(converted, `${name}.data`), example: exampleOf(converted), fields }
  }
  if (!entry.data) return undefined
  const properties = Object.fromEntries(
    dataFields(entry).map(([field, description]): [string, JsonObject] => [
      field,
      description ? { description } : {},
    ]),
  )
  return { schema: { type: 'object', properties }, components: {} }
}

type Converter = (options: { readonly target: string }) => unknown

// The first JSON Schema a converter gives; one that throws (a library may refuse a schema it
// cannot express, such as a transform) counts as none, so the document still renders.
function convert(schema: unknown, converter?: JsonSchemaConverter): JsonObject | undefined {
  const standard = (schema as { '~standard'?: { jsonSchema?: { output?: Converter } } })[
    '~standard'
  ]
  const method = (schema as { toJSONSchema?: unknown }).toJSONSchema
  const attempts: (() => unknown)[] = [
    () => converter?.(schema as never),
    () => standard?.jsonSchema?.output?.({ target: 'draft-2020-12' }),
    () => (typeof method === 'function' ? method.call(schema) : undefined),
  ]
  for (const attempt of attempts) {
    try {
      const result = attempt()
      if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
        return toJson(result)
      }
    } catch {}
  }
  return undefined
}

const LOCAL_REF = /^#\/(?:\$defs|definitions)\/(.+)$/

// A converted schema stands alone (`$schema`, `$defs`, refs from its own root): in a document
// its refs must point into the document, so its definitions become components.
function embed(converted: JsonObject, prefix: string): DataSchema {
  const { $schema: _dialect, $id: _id, $defs, definitions, ...schema } = converted
  const defs = { ...(definitions as JsonObject), ...($defs as JsonObject) }
  const text = JSON.stringify(schema)
  const selfReferring = text.includes('"$ref":"#"')
  if (Object.keys(defs).length === 0 && !selfReferring) return { schema, components: {} }
  const defName = (pointer: string) =>
    `${prefix}.${pointer
      .replaceAll('~1', '/')
      .replaceAll('~0', '~')
      .replace(/[^A-Za-z0-9._-]/g, '_')}`
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (typeof value !== 'object' || value === null) return value
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if (key !== '$ref' || typeof item !== 'string') return [key, rewrite(item)]
        if (item === '#') return [key, `#/components/schemas/${prefix}`]
        const local = LOCAL_REF.exec(item)?.[1]
        return [key, local === undefined ? item : `#/components/schemas/${defName(local)}`]
      }),
    )
  }
  const components: Record<string, JsonObject> = { [prefix]: rewrite(schema) as JsonObject }
  for (const [def, value] of Object.entries(defs)) {
    components[defName(def)] = rewrite(value) as JsonObject
  }
  return { schema: { $ref: `#/components/schemas/${prefix}` }, components }
}

function fieldsOf(schema: JsonObject): SchemaField[] {
  const properties = schema.properties
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return []
  const required = Array.isArray(schema.required) ? schema.required : []
  return Object.entries(properties as JsonObject).map(([name, value]) => {
    const property = (typeof value === 'object' && value !== null ? value : {}) as JsonObject
    const type = Array.isArray(property.type) ? property.type.join(' | ') : property.type
    return {
      name,
      required: required.includes(name),
      ...(typeof type === 'string' ? { type } : {}),
      ...(typeof property.description === 'string' ? { description: property.description } : {}),
    }
  })
}
