import type { ApiError } from '@faultline/core'

/**
 * What the adapter's parts know of one `TRPCError`. tRPC gives each of them a different view
 * (onError has the request, the formatter and responseMeta only have the error), so the error
 * object is the key that ties them together.
 */
export interface ErrorState {
  /** The request id the reporter fixed for the error's request. */
  requestId?: string
  /** The catalog error the reporter made of it, and the catalog it used. */
  reported?: { readonly catalog: unknown; readonly apiError: ApiError }
  /** The catalog error the formatter sent. */
  rendered?: ApiError
}

const states = new WeakMap<object, ErrorState>()

/** The state of an error, made empty on first use. */
export function stateOf(error: object): ErrorState {
  let state = states.get(error)
  if (state === undefined) {
    state = {}
    states.set(error, state)
  }
  return state
}
