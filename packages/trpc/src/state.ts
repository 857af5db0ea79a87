import type { ApiError, DeclaredErrors } from '@faultline/core/adapter'

/**
 * What the adapter's parts know of one `TRPCError`. tRPC gives each of them a different view
 * (onError has the request, the formatter and responseMeta only have the error), so the error
 * object carries it: no state outlives the request, none is kept in a module, and two copies of
 * this package (`Symbol.for`) share it.
 */
export interface ErrorState {
  /** The request id the reporter fixed for the error's request. */
  requestId?: string
  /** The catalog error the reporter made of it, and the catalog it used. */
  reported?: { readonly catalog: unknown; readonly apiError: ApiError }
  /** The catalog error the formatter sent. */
  rendered?: ApiError
  /** What the procedure declared it may answer (its `.errors(trpcErrors.declare(…))`). */
  declared?: DeclaredErrors
}

const STATE = Symbol.for('faultline.trpc.errorState')

/** The state an error carries, made empty on first use (a fresh one for a frozen error). */
export function stateOf(error: object): ErrorState {
  const state: ErrorState = {}
  try {
    const known = (error as { [STATE]?: ErrorState })[STATE]
    if (known !== undefined) return known
    Object.defineProperty(error, STATE, { value: state })
  } catch {
    // a frozen or hostile error: its parts work alone
  }
  return state
}
