import type { ApiError } from '@faultline/core'

// Per-request state shared by reportErrors, errorFormatter and responseMeta. tRPC gives each of
// them a different view (onError has the request, the formatter and responseMeta only have the
// TRPCError), so the TRPCError object is the key that ties one error together.
const idsByError = new WeakMap<object, string>()
const rendered = new WeakMap<object, ApiError>()

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
