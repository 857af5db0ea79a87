import {
  type ApiError,
  type Catalog,
  defaultDescriptions,
  defaultErrors,
  type ErrorBody,
  type ErrorDefinition,
  type ProblemDetails,
  toBody,
  toProblem,
  type ValidationIssue,
} from '@faultline/core/adapter'

/** The code whose body carries `errors[]`, one entry per validation issue. */
export const VALIDATION_CODE = 'VALIDATION_ERROR'

/** The issue shown in examples of a validation error. */
export const EXAMPLE_ISSUE: ValidationIssue = {
  code: 'too_small',
  message: 'Too small: expected string to have >=1 characters',
  path: '/title',
}

/** The definition of a code, which the caller knows is in the catalog. */
export function definitionOf(catalog: Catalog, code: string): ErrorDefinition {
  return (catalog.definitions as Record<string, ErrorDefinition>)[code] as ErrorDefinition
}

/**
 * The description to print for a code: its own, else, for a default code left at its default
 * status, core's `defaultDescriptions` (kept apart from `defaultErrors` so edge bundles stay
 * small).
 */
export function descriptionOf(code: string, entry: ErrorDefinition): string | undefined {
  if (entry.description?.trim()) return entry.description.trim()
  if (!Object.hasOwn(defaultErrors, code)) return undefined
  const base = defaultErrors[code as keyof typeof defaultErrors]
  return base.status === entry.status
    ? defaultDescriptions[code as keyof typeof defaultErrors]
    : undefined
}

/** The names of the `data` fields a definition declares, in declaration order. */
export function dataFields(entry: ErrorDefinition): [name: string, description: string][] {
  const { data } = entry
  const descriptions = data && 'descriptions' in data ? data.descriptions : {}
  return Object.entries(descriptions as Record<string, string | undefined>).map(
    ([name, description]) => [name, description ?? ''],
  )
}

/**
 * The body a client receives for a code, made by the core itself so the example cannot drift
 * from the wire: `data` fields hold a placeholder since only their names are declared.
 */
export function exampleBody(catalog: Catalog, code: string, data?: unknown): ErrorBody {
  return toBody(exampleError(catalog, code, data))
}

/**
 * A value that fits a JSON Schema, for examples: its first example, default, const or enum
 * member, else a placeholder of its type (`'…'`, `0`, `false`, `[]`, an object of its
 * properties' examples).
 */
export function exampleOf(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return '…'
  const s = schema as Record<string, unknown>
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0]
  if ('default' in s) return s.default
  if ('const' in s) return s.const
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0]
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  if (type === 'object' || (type === undefined && typeof s.properties === 'object')) {
    const properties = (s.properties ?? {}) as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [name, exampleOf(value)]),
    )
  }
  if (type === 'number' || type === 'integer') return 0
  if (type === 'boolean') return false
  if (type === 'array') return []
  if (type === 'null') return null
  return '…'
}

/** The Problem Details rendering of the same example, for a request to `instance`. */
export function exampleProblem(catalog: Catalog, code: string, instance: string): ProblemDetails {
  return toProblem(exampleError(catalog, code), { instance })
}

function exampleError(catalog: Catalog, code: string, example?: unknown): ApiError {
  const entry = definitionOf(catalog, code)
  const data =
    example ??
    (entry.data ? Object.fromEntries(dataFields(entry).map(([name]) => [name, '…'])) : undefined)
  const errors = code === VALIDATION_CODE ? [EXAMPLE_ISSUE] : undefined
  return catalog.create(code, { data, errors, stack: false })
}
