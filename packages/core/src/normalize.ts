import { isApiError } from './brand'
import {
  type Catalog,
  type CatalogOption,
  type CreateOptions,
  defineErrors,
  docUrlOf,
  type ErrorDefinition,
} from './catalog'
import { type DefaultCode, defaultErrors } from './defaults'
import { ApiError, isErrorStatus } from './error'
import type { ValidationIssue } from './wire'

/** The default catalog's type: what functions give when no catalog is passed. */
export type DefaultCatalog = Catalog<typeof defaultErrors>

let defaults: DefaultCatalog | undefined

/**
 * The default catalog as a {@link Catalog}, made on first use.
 *
 * @example
 * ```ts
 * throw defaultCatalog().create('NOT_FOUND')
 * ```
 */
export function defaultCatalog(): DefaultCatalog {
  defaults ??= defineErrors(defaultErrors)
  return defaults
}

/**
 * The error for a code from the given catalog when it defines the code (its status and message
 * win), else from the default catalog: what adapters use for the codes they raise themselves.
 *
 * @example
 * ```ts
 * throw createError('PAYLOAD_TOO_LARGE', { catalog: options.catalog, message: 'Over 1 MiB' })
 * ```
 */
export function createError<C extends DefaultCode>(
  code: C,
  options: CreateOptions & CatalogOption = {},
): ApiError<C, undefined> {
  const { catalog } = options
  const source: Catalog = catalog?.has(code) ? catalog : defaultCatalog()
  return source.create(code, options) as ApiError<C, undefined>
}

/**
 * Turns anything thrown into an {@link ApiError}, and never throws itself.
 *
 * - a Faultline error is returned as it is (one from another copy of the package is rebuilt);
 * - an error or object with an HTTP `status`/`statusCode` gets the catalog code for that status
 *   (else BAD_REQUEST or SERVER_ERROR by class) and keeps its message for 4xx;
 * - anything else (strings, `null`, symbols, cyclic or hostile objects) becomes SERVER_ERROR.
 *
 * The original is kept as `cause`. 5xx messages never reach clients (see `toBody`).
 *
 * @example
 * ```ts
 * toApiError(new HTTPException(401)).code // 'UNAUTHORIZED'
 * toApiError('boom').status // 500
 * ```
 */
export function toApiError(thrown: unknown, options: CatalogOption = {}): ApiError {
  const catalog = options.catalog ?? defaultCatalog()
  let message: string | undefined
  let status = 500
  try {
    if (thrown instanceof ApiError) return thrown
    if (isApiError(thrown)) return fromOtherCopy(thrown, catalog)
    if (typeof thrown === 'string') message = thrown
    else {
      // nothing to read on undefined, null or a number: read gives undefined
      const text = read(thrown, 'message')
      if (typeof text === 'string') message = text
      const given = read(thrown, 'status') ?? read(thrown, 'statusCode')
      if (isErrorStatus(given)) status = given
    }
  } catch {
    // a hostile value: the generic server error
  }
  // A 5xx message stays on the server side: its body carries the catalog's default.
  return fromStatus(status, { catalog, message, cause: thrown })
}

/**
 * Options of {@link fromStatus}.
 *
 * @example
 * ```ts
 * const options: FromStatusOptions = { catalog: errors, message: 'No such post' }
 * ```
 */
export interface FromStatusOptions extends CatalogOption {
  /** The message for the server side (and for clients, on a 4xx). */
  readonly message?: string | undefined
  readonly cause?: unknown
}

/**
 * The error for an HTTP status: the catalog's code for it, else BAD_REQUEST or SERVER_ERROR by
 * class, keeping the status itself.
 *
 * @example
 * ```ts
 * fromStatus(404, { catalog: errors }).code // 'NOT_FOUND'
 * fromStatus(418, { catalog: errors }).code // 'BAD_REQUEST', status 418
 * ```
 */
export function fromStatus(status: number, options: FromStatusOptions = {}): ApiError {
  const { catalog = defaultCatalog(), message, cause } = options
  const code =
    catalog.codeFor(status) ??
    catalog.codeFor(status < 500 ? 400 : 500) ??
    (status < 500 ? 'BAD_REQUEST' : 'SERVER_ERROR')
  const entry = entryOf(catalog, code)
  return new ApiError({
    code,
    status,
    message,
    defaultMessage: entry?.message,
    retryable: entry?.retryable,
    cause,
    docUrl: docUrlOf(catalog, code),
    stack: false,
  })
}

/** The catalog's entry for a code, else the default catalog's. */
export function entryOf(catalog: Catalog, code: string): ErrorDefinition | undefined {
  return catalog.definitions[code] ?? defaultErrors[code as keyof typeof defaultErrors]
}

function fromOtherCopy(other: object, catalog: Catalog): ApiError {
  const status = read(other, 'status')
  const code = read(other, 'code')
  if (!isErrorStatus(status) || typeof code !== 'string')
    return fromStatus(500, { catalog, cause: other })
  const text = (key: string) => {
    const value = read(other, key)
    return typeof value === 'string' ? value : undefined
  }
  // instanceof and Array.isArray throw on proxies: a hostile field is dropped, not the error
  const retryAfter = safely(() => {
    const value = read(other, 'retryAfter')
    return typeof value === 'number' || value instanceof Date ? value : undefined
  })
  return new ApiError({
    code,
    status,
    message: text('message'),
    defaultMessage:
      text('defaultMessage') ??
      (catalog.definitions[code] as ErrorDefinition | undefined)?.message ??
      fromStatus(status, { catalog }).defaultMessage,
    data: read(other, 'data'),
    errors: issuesOf(read(other, 'errors')),
    retryAfter,
    headers: read(other, 'headers') as Record<string, string> | undefined,
    // the constructor takes only `true`
    expose: read(other, 'expose') as boolean,
    retryable: read(other, 'retryable') as boolean,
    requestId: text('requestId'),
    docUrl: text('docUrl'),
    cause: other,
    stack: false,
  })
}

function safely<T>(get: () => T): T | undefined {
  try {
    return get()
  } catch {
    return undefined
  }
}

/** Validation issues from another copy or another server, rebuilt as `{ code, message, path }` strings. */
export function issuesOf(value: unknown): ValidationIssue[] | undefined {
  return safely(() => {
    if (!Array.isArray(value)) return undefined
    const issues: ValidationIssue[] = []
    for (const issue of value.slice(0, 100)) {
      const one = safely(() =>
        typeof issue === 'object' && issue !== null
          ? {
              code: String(issue.code ?? 'invalid'),
              message: String(issue.message ?? ''),
              path: String(issue.path ?? ''),
            }
          : undefined,
      )
      if (one) issues.push(one)
    }
    return issues
  })
}

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}
