import {
  type InferOutput,
  type ReadBodyOptions,
  readJsonBody,
  type StandardSchemaV1,
  validate,
} from '@faultline/core/adapter'

/**
 * Options of {@link readJson}: core's body options (`catalog`, `limit`, 1 MiB by default).
 *
 * @example
 * ```ts
 * const options: ReadJsonOptions = { catalog: errors, limit: 64 * 1024 }
 * ```
 */
export type ReadJsonOptions = ReadBodyOptions

/**
 * Reads, parses and (given a Standard Schema such as zod 4 or valibot 1) validates a JSON
 * request body with core's one body reader (`readJsonBody`), so the answers are word for word
 * those of every other adapter: 415 for a body that is not JSON, 413 past `limit` bytes counted
 * on the stream, 400 for malformed JSON; then 400 `VALIDATION_ERROR` with `errors[]` (JSON
 * Pointer paths) when the schema rejects it. No body is no input: `undefined`, which the schema
 * accepts or refuses. The input is never echoed.
 *
 * @example
 * ```ts
 * const post = await readJson(request, z.object({ title: z.string().min(1) }), { catalog: errors })
 * post.title // string
 * ```
 */
export async function readJson(request: Request, options?: ReadJsonOptions): Promise<unknown>
export async function readJson<S extends StandardSchemaV1>(
  request: Request,
  schema: S,
  options?: ReadJsonOptions,
): Promise<InferOutput<S>>
export async function readJson(
  request: Request,
  schemaOrOptions?: StandardSchemaV1 | ReadJsonOptions,
  maybeOptions?: ReadJsonOptions,
): Promise<unknown> {
  const schema = isSchema(schemaOrOptions) ? schemaOrOptions : undefined
  const options = (schema ? maybeOptions : (schemaOrOptions as ReadJsonOptions)) ?? {}
  const value = await readJsonBody(request, options)
  return schema ? validate(schema, value, { catalog: options.catalog }) : value
}

function isSchema(value: unknown): value is StandardSchemaV1 {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    '~standard' in value
  )
}
