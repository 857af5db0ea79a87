import {
  ApiError,
  type ApiErrorOf,
  type Catalog,
  type CatalogOption,
  type DefaultCatalog,
  defaultCatalog,
  fromStatus,
  isApiError,
  isErrorStatus,
  parseError,
  retryAfterSeconds,
  toApiError,
} from '@faultline/core/adapter'
import { statusOfTRPCCode } from './codes'
import { read } from './read'

/**
 * The typed catalog error behind anything a tRPC call threw. Never throws.
 *
 * - a `TRPCClientError` from a server with Faultline's formatter gives the catalog error of
 *   `data.error`, typed: narrow it on `code` and `data` follows;
 * - from a plain tRPC server, tRPC's `data.code`/`data.httpStatus` give the catalog code for the
 *   status (NOT_FOUND → NOT_FOUND, PARSE_ERROR → BAD_REQUEST), with the catalog message;
 * - no readable answer (a proxy's HTML page, a network failure) gives the catalog code for the
 *   HTTP status when tRPC kept the response, else BAD_GATEWAY (502); an aborted call gives 499;
 * - each call's own retry delay (`data.retryAfter`, else `Retry-After` of a response that is not
 *   Faultline's) and the request id become `retryAfter` and `requestId`;
 * - anything else is normalised with core's `toApiError`.
 *
 * The result is a real `ApiError`: `isApiError(error, 'VOTE_EXISTS')` and `errors.is()` work.
 *
 * @example
 * ```ts
 * try {
 *   await trpc.post.vote.mutate({ postId })
 * } catch (thrown) {
 *   const error = fromTRPCClientError(thrown, { catalog: errors })
 *   if (error.code === 'VOTE_EXISTS') return showAlreadyVoted()
 *   if (error.code === 'TOO_MANY_REQUESTS') return retryIn(error.retryAfter)
 *   throw error
 * }
 * ```
 */
export function fromTRPCClientError<C extends Catalog>(
  thrown: unknown,
  options: { readonly catalog: C },
): ApiErrorOf<C>
export function fromTRPCClientError(
  thrown: unknown,
  options?: { readonly catalog?: undefined },
): ApiErrorOf<DefaultCatalog>
export function fromTRPCClientError(thrown: unknown, options?: CatalogOption): ApiError
export function fromTRPCClientError(thrown: unknown, options: CatalogOption = {}): ApiError {
  const { catalog } = options
  try {
    if (isApiError(thrown) || !isClientError(thrown)) return toApiError(thrown, { catalog })
    const data = read(thrown, 'data')
    const response = read(read(thrown, 'meta'), 'response')
    const headers = headersOf(response)
    const status = statusOf(data, read(thrown, 'shape'), response)
    const body = read(data, 'error')
    if (typeof read(body, 'code') === 'string') {
      // a batch shares one Retry-After header: each call's own delay is in its data
      const retryAfter = read(data, 'retryAfter')
      const own = new Headers(
        typeof retryAfter === 'number' ? { 'retry-after': `${retryAfter}` } : {},
      )
      return parseError({ status: status ?? 500, body, headers: own }, { catalog })
    }
    const aborted = read(read(thrown, 'cause'), 'name') === 'AbortError'
    return unreadable(catalog, status ?? (aborted ? 499 : 502), headers, thrown)
  } catch {
    return toApiError(thrown, { catalog })
  }
}

function unreadable(
  catalog: Catalog | undefined,
  status: number,
  headers: Headers | undefined,
  cause: unknown,
): ApiError {
  const base = fromStatus(status, { catalog: catalog ?? defaultCatalog() })
  return new ApiError({
    code: base.code,
    status,
    defaultMessage: base.defaultMessage,
    retryable: base.retryable,
    retryAfter: retryAfterSeconds(headers?.get('retry-after')),
    requestId: headers?.get('x-request-id') ?? undefined,
    cause,
    expose: true,
    stack: false,
  })
}

// tRPC's own data first: in a batch the response status may be a 207 for all calls
function statusOf(data: unknown, shape: unknown, response: unknown): number | undefined {
  const candidates = [
    read(data, 'httpStatus'),
    statusOfTRPCCode(read(data, 'code')),
    statusOfTRPCCode(read(shape, 'code')),
    read(response, 'status'),
  ]
  return candidates.find(isErrorStatus)
}

function isClientError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (read(value, 'name') === 'TRPCClientError' || ('shape' in value && 'data' in value))
  )
}

function headersOf(response: unknown): Headers | undefined {
  const headers = read(response, 'headers')
  return typeof read(headers, 'get') === 'function' ? (headers as Headers) : undefined
}
