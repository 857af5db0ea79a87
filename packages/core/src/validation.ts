import type { CatalogOption } from './catalog'
import type { ApiError } from './error'
import { createError } from './normalize'
import type { ValidationIssue } from './wire'

/**
 * The Standard Schema v1 interface (zod 4, valibot 1, arktype, …), reduced to what Faultline
 * reads.
 *
 * @example
 * ```ts
 * const schema: StandardSchemaV1<unknown, { title: string }> = z.object({ title: z.string() })
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

/** The result of a Standard Schema validation. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] }

/** One issue reported by a Standard Schema validator. */
export interface StandardIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** The output type of a Standard Schema. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output']

/**
 * A JSON Pointer (RFC 6901) for a validator's path: `['tags', 0]` → `/tags/0`.
 *
 * @example
 * ```ts
 * toJsonPointer(['a/b', { key: 'c~d' }]) // '/a~1b/c~0d'
 * ```
 */
export function toJsonPointer(path: StandardIssue['path']): string {
  let pointer = ''
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment
    const text = typeof key === 'symbol' ? (key.description ?? '') : String(key)
    pointer += `/${text.replaceAll('~', '~0').replaceAll('/', '~1')}`
  }
  return pointer
}

/**
 * Turns a validator's issues into the wire's `errors[]`: a stable code (the validator's own,
 * such as zod's `too_small`), a message that never repeats the input, and a JSON Pointer.
 * Pass the validated input so that a message quoting it can be scrubbed.
 *
 * @example
 * ```ts
 * toValidationIssues(result.issues, { input })
 * // [{ code: 'too_small', message: 'Too small: expected string to have >=1 characters', path: '/title' }]
 * ```
 */
export function toValidationIssues(
  issues: readonly StandardIssue[],
  options: { readonly input?: unknown } = {},
): ValidationIssue[] {
  const { input } = options
  return issues.map((issue) => {
    const path = safe(() => toJsonPointer(issue.path), '')
    let message = scrub(
      safe(() => String(issue.message), ''),
      valueAt(input, issue.path),
    )
    // zod's unrecognized_keys quotes the client's own keys: `Unrecognized key: "…"`
    const keys = safe(() => (issue as { keys?: unknown }).keys, undefined)
    if (Array.isArray(keys)) {
      for (const key of keys) {
        if (typeof key === 'string') message = message.replaceAll(`"${key}"`, '"…"')
      }
    }
    return { code: issueCode(issue), message, path }
  })
}

/**
 * The `VALIDATION_ERROR` for a list of issues, from the catalog (or the default one).
 *
 * @example
 * ```ts
 * if (result.issues) throw validationError(result.issues, { input, catalog: errors })
 * ```
 */
export function validationError(
  issues: readonly StandardIssue[],
  options: CatalogOption & { readonly input?: unknown } = {},
): ApiError<'VALIDATION_ERROR'> {
  const { catalog, input } = options
  return createError('VALIDATION_ERROR', { catalog, errors: toValidationIssues(issues, { input }) })
}

/**
 * Validates a value with any Standard Schema; returns the typed output or throws the
 * `VALIDATION_ERROR`.
 *
 * @example
 * ```ts
 * const post = await validate(z.object({ title: z.string().min(1) }), await request.json())
 * ```
 */
export async function validate<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  options: CatalogOption = {},
): Promise<InferOutput<S>> {
  const result = await schema['~standard'].validate(value)
  if (result.issues)
    throw validationError(result.issues, { input: value, catalog: options.catalog })
  return result.value as InferOutput<S>
}

const CODE = /^[\w.-]{1,64}$/

function issueCode(issue: StandardIssue): string {
  const { code, type } = issue as { code?: unknown; type?: unknown }
  if (typeof code === 'string' && CODE.test(code)) return code
  if (typeof type === 'string' && CODE.test(type)) return type
  return 'invalid'
}

// Validators end messages with the input: valibot's "… but received 7" and "Invalid key:
// Received "x"", zod's "…, received number".
const RECEIVED = /(?:,|:|\s+but)\s+received\b.*$/is

function scrub(message: string, value: unknown): string {
  let text = message.replace(RECEIVED, '')
  if (typeof value === 'string' && value.length >= 3) text = text.replaceAll(value, '…')
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

function valueAt(input: unknown, path: StandardIssue['path']): unknown {
  return safe(() => {
    let value = input
    for (const segment of path ?? []) {
      const key = typeof segment === 'object' && segment !== null ? segment.key : segment
      value = (value as Record<PropertyKey, unknown>)?.[key]
    }
    return value
  }, undefined)
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}
