import {
  type ApiError,
  type CatalogOption,
  defaultCatalog,
  fromStatus,
  isApiError,
  type StandardIssue,
  toApiError,
  validationError,
} from '@faultline/core/adapter'
import { TRPCError } from '@trpc/server'
import { statusOfTRPCCode, trpcCodeOf } from './codes'
import { read } from './read'

/** Options of {@link fromTRPCError}. */
export interface FromTRPCErrorOptions extends CatalogOption {
  /** The call's input, so that validation messages quoting it are scrubbed. */
  readonly input?: unknown
}

/**
 * Turns a `TRPCError` (or anything else thrown) into a catalog error, and never throws:
 *
 * - a catalog error thrown in a procedure, middleware or `createContext` (tRPC wraps it in a
 *   `TRPCError` as `cause`) comes back as it was thrown;
 * - a failed `.input()` (zod, valibot, any Standard Schema) becomes `VALIDATION_ERROR` with
 *   `errors[]`, never echoing the input; pass the input so that messages quoting it are scrubbed;
 * - anything else tRPC wrapped (a plain `Error`, a string, an object with `status`) is normalised
 *   like core's `toApiError`;
 * - a `TRPCError` with its own code gets the catalog code for its status (NOT_FOUND → NOT_FOUND,
 *   PARSE_ERROR → BAD_REQUEST without the parser's message, METHOD_NOT_SUPPORTED →
 *   METHOD_NOT_ALLOWED), keeping the status.
 *
 * @example
 * ```ts
 * fromTRPCError(new TRPCError({ code: 'NOT_FOUND' }), { catalog: errors }).code // 'NOT_FOUND'
 * ```
 */
export function fromTRPCError(error: unknown, options: FromTRPCErrorOptions = {}): ApiError {
  const { catalog, input } = options
  try {
    if (!isTRPCError(error)) return toApiError(error, { catalog })
    const source = catalog ?? defaultCatalog()
    const cause = read(error, 'cause')
    if (isApiError(cause)) return toApiError(cause, { catalog: source })
    if (error.code === 'BAD_REQUEST' && hasIssues(cause)) {
      return validationError(cause.issues, { input, catalog: source })
    }
    if (isWrapper(error)) return toApiError(cause, { catalog: source })
    const status = statusOfTRPCCode(error.code) ?? 500
    // tRPC copies JSON.parse's message, which quotes the request body, and its own 404 and 405
    // quote the procedure path the client sent ('No procedure found on path "…"')
    const quotesInput =
      error.code === 'PARSE_ERROR' ||
      read(cause, 'name') === 'SyntaxError' ||
      (cause === undefined &&
        (error.code === 'NOT_FOUND' || error.code === 'METHOD_NOT_SUPPORTED') &&
        /procedure.* path "/.test(error.message))
    return fromStatus(status, {
      catalog: source,
      message: quotesInput ? undefined : error.message,
      cause: error,
    })
  } catch {
    return toApiError(undefined)
  }
}

/**
 * The `TRPCError` for anything thrown: a catalog error keeps its status through the tRPC code
 * (and the formatter sends the exact status), the public message (5xx redacted even without
 * Faultline's formatter) and itself as `cause`. A `TRPCError` is returned as it is.
 *
 * @example
 * ```ts
 * throw toTRPCError(errors.create('VOTE_EXISTS')) // code CONFLICT, cause the catalog error
 * throw toTRPCError(thrown, { catalog: errors }) // anything else, mapped with your catalog
 * ```
 */
export function toTRPCError(thrown: unknown, options: CatalogOption = {}): TRPCError {
  if (isTRPCError(thrown)) return thrown as TRPCError
  const error = toApiError(thrown, options)
  return new TRPCError({
    code: trpcCodeOf(error.status),
    message: error.publicMessage(),
    cause: error,
  })
}

/**
 * What the procedure really threw: the catalog error or the value tRPC wrapped, else the
 * `TRPCError` itself (one tRPC raised, or one the procedure threw).
 */
export function originalOf(error: unknown): unknown {
  if (!isTRPCError(error)) return error
  const cause = read(error, 'cause')
  if (isApiError(cause) || (cause !== undefined && isWrapper(error))) return cause
  return error
}

/** A `TRPCError` from any copy of tRPC, recognised by name like tRPC itself does. */
export function isTRPCError(value: unknown): value is { code: string; message: string } {
  return (
    value instanceof Error &&
    read(value, 'name') === 'TRPCError' &&
    typeof read(value, 'code') === 'string'
  )
}

// getTRPCErrorFromUnknown wraps a non-TRPCError throw as INTERNAL_SERVER_ERROR with its message
function isWrapper(error: { code: string; message: string }): boolean {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return false
  const cause = read(error, 'cause')
  return cause === undefined
    ? error.message === error.code
    : error.message === read(cause, 'message')
}

function hasIssues(cause: unknown): cause is { issues: readonly StandardIssue[] } {
  const issues = read(cause, 'issues')
  return Array.isArray(issues) && issues.length > 0
}
