import { type ApiError, isSafeRequestId } from '@faultline/core'

// Per-request state shared by reportErrors, errorFormatter and responseMeta. tRPC gives each of
// them a different view (onError has the request, the formatter and responseMeta only have the
// TRPCError), so the TRPCError object is the key that ties one error together.
const idsByRequest = new WeakMap<object, string>()
const idsByError = new WeakMap<object, string>()
const rendered = new WeakMap<object, ApiError>()

/**
 * The request id of a request, the same on every call for the same request object: its
 * `x-request-id` (or `header`) when that is a safe token, else a fresh UUID. Works with a Fetch
 * `Request` and with Node's `IncomingMessage`. Use it in `createContext` to log with the id the
 * error responses of this request carry.
 *
 * @example
 * ```ts
 * createContext: ({ req }) => ({ requestId: requestIdOf(req) })
 * ```
 */
export function requestIdOf(request: unknown, header = 'x-request-id'): string {
  const key = typeof request === 'object' && request !== null ? request : undefined
  const known = key && idsByRequest.get(key)
  if (known) return known
  const incoming = headerOf(request, header)
  const id = isSafeRequestId(incoming) ? incoming : crypto.randomUUID()
  if (key) idsByRequest.set(key, id)
  return id
}

/** Remembers the request id of an error, for the formatter and `responseMeta`. */
export function setErrorRequestId(error: object, id: string): void {
  idsByError.set(error, id)
}

/** The request id `reportErrors` gave an error, if it saw it. */
export function errorRequestId(error: object): string | undefined {
  return idsByError.get(error)
}

const reported = new WeakMap<object, { catalog: unknown; apiError: ApiError }>()

/** Remembers the catalog error reportErrors made of a `TRPCError`, with the catalog it used. */
export function setReported(error: object, catalog: unknown, apiError: ApiError): void {
  reported.set(error, { catalog, apiError })
}

/** The catalog error reportErrors made of a `TRPCError`, if it used the same catalog. */
export function reportedOf(error: object, catalog: unknown): ApiError | undefined {
  const known = reported.get(error)
  return known && known.catalog === catalog ? known.apiError : undefined
}

/** Remembers the catalog error the formatter sent for a `TRPCError`. */
export function setRendered(error: object, apiError: ApiError): void {
  rendered.set(error, apiError)
}

/** The catalog error the formatter sent for a `TRPCError`, if it formatted it. */
export function renderedOf(error: object): ApiError | undefined {
  return rendered.get(error)
}

function headerOf(request: unknown, name: string): unknown {
  try {
    const headers = (request as { headers?: unknown }).headers
    if (typeof (headers as Headers | undefined)?.get === 'function') {
      return (headers as Headers).get(name)
    }
    const value = (headers as Record<string, unknown> | undefined)?.[name.toLowerCase()]
    return Array.isArray(value) ? value[0] : value
  } catch {
    return undefined
  }
}
