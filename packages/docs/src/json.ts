import { displayWidth } from './markdown'

/** A JSON value, as the generated documents hold them. */
export type Json = string | number | boolean | null | readonly Json[] | JsonObject

/** A JSON object: a JSON Schema, an OpenAPI object, a document. */
export interface JsonObject {
  readonly [key: string]: Json
}

/** A `$ref` to a named component of the document. */
export function ref(kind: 'schemas' | 'responses' | 'headers', name: string): JsonObject {
  return { $ref: `#/components/${kind}/${name}` }
}

/** Whether two JSON values are equal, member for member (key order aside). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

/** A plain JSON copy of a value, as `JSON.stringify` would send it. */
export function toJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject
}

const LINE_WIDTH = 100

/**
 * JSON with 2-space indentation laid out the way Biome formats it (objects expanded, arrays of
 * primitives on one line when they fit in 100 columns), so a generated file committed to the
 * repository stays unchanged by `biome check --write`. Ends with a newline.
 */
export function formatJson(value: unknown): string {
  return `${layout(JSON.parse(JSON.stringify(value)) as Json, '', 0, 0)}\n`
}

// `before` is the width of the line up to the value, `after` 1 when a comma follows it.
function layout(value: Json, indent: string, before: number, after: number): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  const inner = `${indent}  `
  const comma = (index: number, length: number) => (index < length - 1 ? 1 : 0)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      const flat = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      if (before + displayWidth(flat) + after <= LINE_WIDTH) return flat
    }
    const items = value.map(
      (item, index) => inner + layout(item, inner, inner.length, comma(index, value.length)),
    )
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as JsonObject)
  if (entries.length === 0) return '{}'
  const members = entries.map(([key, item], index) => {
    const head = `${inner}${JSON.stringify(key)}: `
    return head + layout(item, inner, displayWidth(head), comma(index, entries.length))
  })
  return `{\n${members.join(',\n')}\n${indent}}`
}
