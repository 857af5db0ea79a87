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
export function exampleBody(catalog: Catalog, code: string): ErrorBody {
  return toBody(exampleError(catalog, code))
}

/** The Problem Details rendering of the same example, for a request to `instance`. */
export function exampleProblem(catalog: Catalog, code: string, instance: string): ProblemDetails {
  return toProblem(exampleError(catalog, code), { instance })
}

function exampleError(catalog: Catalog, code: string): ApiError {
  const entry = definitionOf(catalog, code)
  const data = entry.data
    ? Object.fromEntries(dataFields(entry).map(([name]) => [name, '…']))
    : undefined
  const errors = code === VALIDATION_CODE ? [EXAMPLE_ISSUE] : undefined
  return catalog.create(code, { data, errors, stack: false })
}
