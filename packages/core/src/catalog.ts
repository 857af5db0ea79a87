import { isApiError } from './brand'
import { defaultErrors } from './defaults'
import { ApiError, type ApiErrorInit, isErrorStatus } from './error'
import type { StandardSchemaV1 } from './validation'

declare const dataType: unique symbol

/**
 * Declares the type of an entry's `data`, with an optional description of each field for the
 * generated docs. It costs nothing at run time beyond the descriptions.
 *
 * @example
 * ```ts
 * defineErrors({
 *   POST_NOT_FOUND: {
 *     status: 404,
 *     message: 'Post not found',
 *     data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
 *   },
 * })
 * ```
 */
export interface DataFields<T> {
  readonly [dataType]?: T
  readonly descriptions: { readonly [K in keyof T]?: string }
}

/** @inheritDoc DataFields */
export function fields<T extends object>(
  descriptions: { readonly [K in keyof T]?: string } = {},
): DataFields<T> {
  return { descriptions }
}

/**
 * One entry of a catalog.
 *
 * @example
 * ```ts
 * const entry: ErrorDefinition = { status: 409, message: 'User has already voted on this post' }
 * ```
 */
export interface ErrorDefinition {
  /** HTTP status, 400 to 599. */
  readonly status: number
  /** Default message; the only message clients ever see of a 5xx. */
  readonly message: string
  /** A longer explanation for the generated error reference. */
  readonly description?: string
  /** Send the thrown message of this 5xx to clients (for messages known to be safe). */
  readonly expose?: boolean
  /** Whether a client may retry the same request later. */
  readonly retryable?: boolean
  /** Default retry delay in seconds, sent as `Retry-After` on 429 and 503. */
  readonly retryAfter?: number
  /** Headers every response of this code carries, such as `www-authenticate`. */
  readonly headers?: Readonly<Record<string, string>>
  /**
   * The shape of `data`: a type declared with {@link fields}, or a Standard Schema (zod, valibot,
   * arktype) that clients also check a parsed body's `data` against.
   */
  readonly data?: DataFields<object> | StandardSchemaV1<unknown, object>
}

/** A map of code to {@link ErrorDefinition}. */
export type ErrorDefinitions = { readonly [code: string]: ErrorDefinition }

/** The codes of a set of definitions. */
export type CodeOf<T> = keyof T & string

/** The `data` type an entry declares (with {@link fields} or a schema's output), or `undefined`. */
export type DataOf<E> = E extends { readonly data: DataFields<infer D> }
  ? D
  : E extends { readonly data: StandardSchemaV1<unknown, infer D> }
    ? D
    : undefined

/**
 * What `catalog.create` accepts besides the code.
 *
 * @example
 * ```ts
 * errors.create('TOO_MANY_REQUESTS', { retryAfter: 30, message: 'Slow down' })
 * ```
 */
export type CreateOptions<D = undefined> = Pick<
  ApiErrorInit,
  'message' | 'cause' | 'retryAfter' | 'headers' | 'expose' | 'errors' | 'stack' | 'requestId'
> &
  (undefined extends D ? { readonly data?: D } : { readonly data: D })

type CreateArgs<E> =
  undefined extends DataOf<E>
    ? [options?: CreateOptions<DataOf<E>>]
    : [options: CreateOptions<DataOf<E>>]

/** The union of every error a catalog can produce, narrowable on `code`. */
export type ApiErrorOf<T extends Catalog> =
  T extends Catalog<infer Defs>
    ? { [C in CodeOf<Defs>]: ApiError<C, DataOf<Defs[C]>> }[CodeOf<Defs>]
    : never

/**
 * A typed error catalog: the single source of truth for codes, statuses and messages.
 *
 * @example
 * ```ts
 * throw errors.create('POST_NOT_FOUND')
 * if (errors.is(e, 'VOTE_EXISTS')) e.data
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: the default accepts every catalog, whatever its codes
export interface Catalog<T extends ErrorDefinitions = any> {
  /** The definitions, frozen. */
  readonly definitions: Readonly<T>
  /** The base URL of the generated error reference, if any. */
  readonly referenceUrl: string | undefined
  /** Makes the error for a code; `data` is required when the entry declares it. */
  create<C extends CodeOf<T>>(code: C, ...options: CreateArgs<T[C]>): ApiError<C, DataOf<T[C]>>
  /** Narrows a value to an error of this catalog, optionally of one code. */
  is(value: unknown): value is ApiError<CodeOf<T>>
  is<C extends CodeOf<T>>(value: unknown, code: C): value is ApiError<C, DataOf<T[C]>>
  /** Whether the catalog defines a code. */
  has(code: unknown): code is CodeOf<T>
  /** The code for a status: the generic default code if present, else the first defined. */
  codeFor(status: number): CodeOf<T> | undefined
  /** A new catalog with more codes; a code defined twice throws. */
  extend<const U extends ErrorDefinitions>(definitions: U): Catalog<T & U>
}

/**
 * Options of a catalog.
 *
 * @example
 * ```ts
 * defineErrors(definitions, { referenceUrl: 'https://api.example.com/docs/errors' })
 * ```
 */
export interface CatalogOptions {
  /**
   * The base URL of the generated error reference. Each body then links its code's section as
   * `docUrl` (`<base>#<code in lower case>`), which is also the Problem Details `type`.
   */
  readonly referenceUrl?: string
}

/**
 * The option of every function that reads or makes errors against a catalog: the catalog, the
 * default one when left out. One place for it everywhere: the last argument's `catalog`.
 *
 * @example
 * ```ts
 * toApiError(thrown, { catalog: errors })
 * ```
 */
export interface CatalogOption<C extends Catalog = Catalog> {
  readonly catalog?: C
}

/**
 * The `docUrl` of a code: its section of the catalog's error reference, if the catalog has one.
 *
 * @example
 * ```ts
 * docUrlOf(errors, 'VOTE_EXISTS') // 'https://api.example.com/docs/errors#vote_exists'
 * ```
 */
export function docUrlOf(catalog: Catalog, code: string): string | undefined {
  if (catalog.referenceUrl === undefined || !catalog.has(code)) return undefined
  return `${catalog.referenceUrl}#${code.toLowerCase()}`
}

/**
 * Defines a catalog. Codes, statuses and messages are checked now: an empty code, a status
 * outside 400–599 or a missing message throws a `TypeError` at definition time, naming the code.
 *
 * @example
 * ```ts
 * import { defaultErrors, defineErrors } from '@faultline/core'
 *
 * export const errors = defineErrors({
 *   ...defaultErrors,
 *   POST_NOT_FOUND: { status: 404, message: 'Post not found' },
 *   VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
 * })
 * ```
 */
export function defineErrors<const T extends ErrorDefinitions>(
  definitions: T,
  options: CatalogOptions = {},
): Catalog<T> {
  const entries = new Map<string, ErrorDefinition>()
  const byStatus = new Map<number, string>()
  for (const code of Object.keys(definitions)) {
    const entry = definitions[code] as ErrorDefinition
    checkEntry(code, entry)
    entries.set(code, entry)
    const holder = byStatus.get(entry.status)
    if (holder === undefined || (isDefault(code) && !isDefault(holder))) {
      byStatus.set(entry.status, code)
    }
  }

  const catalog: Catalog<T> = {
    definitions: Object.freeze({ ...definitions }),
    referenceUrl: options.referenceUrl,
    create(code, ...[options]) {
      const entry = entries.get(code)
      if (!entry) throw new TypeError(`Unknown error code "${code}": it is not in the catalog`)
      // Fields one by one: spreading the options is several times slower on V8.
      return new ApiError({
        code,
        status: entry.status,
        defaultMessage: entry.message,
        message: options?.message,
        data: options?.data,
        errors: options?.errors,
        cause: options?.cause,
        stack: options?.stack,
        requestId: options?.requestId,
        retryAfter: options?.retryAfter ?? entry.retryAfter,
        headers: entry.headers ? { ...entry.headers, ...options?.headers } : options?.headers,
        expose: options?.expose ?? entry.expose,
        retryable: entry.retryable,
        docUrl: docUrlOf(catalog, code),
      } as ApiErrorInit<typeof code, never>)
    },
    is: ((value: unknown, code?: string) =>
      isApiError(value, code as string) &&
      entries.has((value as ApiError).code)) as Catalog<T>['is'],
    has: (code): code is never => typeof code === 'string' && entries.has(code),
    codeFor: (status) => byStatus.get(status) as CodeOf<T> | undefined,
    extend(more) {
      for (const code of Object.keys(more)) {
        if (entries.has(code)) throw new TypeError(`Error code "${code}" is defined twice`)
      }
      return defineErrors({ ...definitions, ...more }, options)
    },
  }
  return catalog
}

function isDefault(code: string): boolean {
  return Object.hasOwn(defaultErrors, code)
}

// One message for every way an entry can be wrong: whoever wrote the catalog reads it once.
function checkEntry(code: string, entry: ErrorDefinition | undefined): void {
  if (
    code.trim() &&
    isErrorStatus(entry?.status) &&
    typeof entry?.message === 'string' &&
    entry.message
  ) {
    return
  }
  throw new TypeError(
    `Error code "${code}" needs a non-empty name, an integer status from 400 to 599 and a non-empty message`,
  )
}
