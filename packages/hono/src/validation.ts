import {
  type CatalogOption,
  type ErrorBody,
  type InferOutput,
  type ReadBodyOptions,
  readJsonBody,
  type StandardIssue,
  type StandardSchemaV1,
  type ValidationIssue,
  validate,
  validationError,
} from '@faultline/core/adapter'
import type { Env, MiddlewareHandler, TypedResponse, ValidationTargets } from 'hono'
import { validator as honoValidator } from 'hono/validator'

/** The body of a `VALIDATION_ERROR`: always with `errors[]`. */
export type ValidationErrorBody = ErrorBody<'VALIDATION_ERROR', undefined> & {
  readonly errors: readonly ValidationIssue[]
}

/**
 * The 400 a failed validation answers with, as Hono's typed response: routes that validate show
 * it to the `hc` client. It is sent by {@link errorHandler}, which must be installed.
 */
export type ValidationErrorResponse = Response & TypedResponse<ValidationErrorBody, 400, 'json'>

/**
 * What a validator middleware hands its hook: `@hono/standard-validator` gives Standard Schema
 * issues, `@hono/zod-validator` a `ZodError`; both carry the raw input as `data`.
 */
export interface ValidationResult {
  readonly success: boolean
  readonly error?: unknown
  readonly data?: unknown
}

/**
 * A hook for `sValidator` (`@hono/standard-validator`) and `zValidator` (`@hono/zod-validator`):
 * a failure throws the catalog's `VALIDATION_ERROR` (400) with one `{ code, message, path }` per
 * issue, `path` a JSON Pointer, and never the raw input. {@link errorHandler} renders it.
 *
 * @example
 * ```ts
 * const hook = validationHook({ catalog: errors })
 * app.post('/posts', sValidator('json', postSchema, hook), (c) => c.json(c.req.valid('json')))
 * app.post('/votes', zValidator('json', voteSchema, hook), (c) => c.json(c.req.valid('json')))
 * ```
 */
export function validationHook(
  options: CatalogOption = {},
): (result: ValidationResult) => ValidationErrorResponse | undefined {
  const { catalog } = options
  return (result) => {
    if (!result.success) {
      throw validationError(issuesOf(result.error), { input: result.data, catalog })
    }
    return undefined
  }
}

/** Options of {@link validator}: where codes come from, and for `json` the body limit. */
export type ValidatorOptions = ReadBodyOptions

/**
 * A validator middleware for any Standard Schema (zod 4, valibot 1, arktype, …), with the
 * catalog's `VALIDATION_ERROR` built in: `c.req.valid(target)` has the schema's output type and
 * `hc` sees the schema's input. A `json` body is read by core's one body reader, as on every
 * surface: 415 for a body that is not JSON, 413 past `limit` (1 MiB by default, counted on the
 * stream: no `bodyLimit` needed), 400 for malformed JSON, and no body as `undefined`. Other
 * targets go through `hono/validator`.
 *
 * @example
 * ```ts
 * app.post('/posts', validator('json', z.object({ title: z.string().min(1) })), (c) => {
 *   const { title } = c.req.valid('json')
 *   return c.json({ title }, 201)
 * })
 * ```
 */
export function validator<
  S extends StandardSchemaV1,
  Target extends keyof ValidationTargets,
  // biome-ignore lint/suspicious/noExplicitAny: Hono's own default, so any app's Env fits
  E extends Env = any,
  P extends string = string,
>(
  target: Target,
  schema: S,
  options: ValidatorOptions = {},
): MiddlewareHandler<E, P, ValidatedInput<S, Target>, ValidationErrorResponse> {
  const { catalog } = options
  if (target !== 'json') {
    return honoValidator(target as 'query', (value) =>
      validate(schema, value, { catalog }),
    ) as never
  }
  return async (c, next) => {
    const value = await readJsonBody(c.req.raw, options)
    // c.req.json() still works after this: Hono reads any body type from its cache
    if (value !== undefined) c.req.bodyCache.json = Promise.resolve(value)
    c.req.addValidatedData('json', (await validate(schema, value, { catalog })) as object)
    await next()
  }
}

/** What a validator adds to a route's input: the wire type for `hc`, the output for handlers. */
export type ValidatedInput<S extends StandardSchemaV1, Target extends keyof ValidationTargets> = {
  in: undefined extends InputOf<S>
    ? { [K in Target]?: WireInput<InputOf<S>, K> }
    : { [K in Target]: WireInput<InputOf<S>, K> }
  out: { [K in Target]: InferOutput<S> }
}

type InputOf<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input']

// Outside JSON the wire carries strings: literal unions stay, other types become the wire's.
type WireInput<In, Target extends keyof ValidationTargets> = Target extends 'json'
  ? In
  : {
      [K in keyof In]: Exclude<In[K], undefined> extends ValidationTargets[Target][string]
        ? In[K]
        : ValidationTargets[Target][string]
    }

function issuesOf(error: unknown): readonly StandardIssue[] {
  if (Array.isArray(error)) return error
  const issues = (error as { issues?: unknown } | undefined)?.issues
  return Array.isArray(issues) ? issues : [{ message: 'Invalid input' }]
}
