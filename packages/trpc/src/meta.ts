import { errorHeaders } from '@faultline/core/adapter'
import type { AnyTRPCRouter } from '@trpc/server'
import type { ResponseMeta, ResponseMetaFn } from '@trpc/server/http'
import { fromTRPCError } from './normalize'
import { stateOf } from './state'

/** Options of a setup's `responseMeta`. */
export interface ResponseMetaOptions<TRouter extends AnyTRPCRouter> {
  /** Your own `responseMeta` (cache headers, …); its headers and status are kept. */
  readonly responseMeta?: ResponseMetaFn<TRouter>
}

/**
 * A `responseMeta` for tRPC's adapters that adds the error headers of the contract:
 * `Retry-After` on 429/503 (the longest delay in a batch), `x-request-id`, the catalog entry's
 * headers (such as `WWW-Authenticate`) and `cache-control: no-store`. The status is left to tRPC,
 * which takes it from `data.httpStatus`: the catalog status for one call, and 207 for a batch
 * whose calls ended differently.
 *
 * @example
 * ```ts
 * fetchRequestHandler({ endpoint: '/trpc', req, router, responseMeta: trpcErrors.responseMeta() })
 * ```
 */
export function responseMeta<TRouter extends AnyTRPCRouter = AnyTRPCRouter>(
  options: ResponseMetaOptions<TRouter> = {},
): ResponseMetaFn<TRouter> {
  return (input) => {
    let own: ResponseMeta = {}
    try {
      own = options.responseMeta?.(input) ?? {}
    } catch {
      // a failing user hook must not cost the error headers
    }
    if (input.errors.length === 0) return own
    const headers = toHeaders(own.headers)
    let retryAfter: string | undefined
    for (const error of input.errors) {
      try {
        const state = stateOf(error)
        const apiError = state.rendered ?? fromTRPCError(error)
        const requestId = state.requestId ?? apiError.requestId
        for (const [name, value] of Object.entries(errorHeaders(apiError, { requestId }))) {
          if (name === 'content-type' || name === 'vary') continue
          if (name === 'retry-after') retryAfter = longer(retryAfter, value)
          else headers.set(name, value)
        }
      } catch {
        // one odd error must not cost the others their headers
      }
    }
    if (retryAfter !== undefined) headers.set('retry-after', retryAfter)
    // A request tRPC could not read (no `info`: 415, batch too large) is answered from its outer
    // catch, which sets no content type; on its other paths tRPC sets it (and would get a second,
    // appended value from us)
    if (input.info === undefined) headers.set('content-type', 'application/json')
    return { status: own.status, headers }
  }
}

function toHeaders(headers: ResponseMeta['headers']): Headers {
  if (headers instanceof Headers) return new Headers(headers)
  const result = new Headers()
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (typeof one === 'string') result.append(name, one)
    }
  }
  return result
}

function longer(current: string | undefined, next: string): string {
  if (current === undefined) return next
  return /^\d+$/.test(current) && /^\d+$/.test(next) && Number(next) > Number(current)
    ? next
    : current
}
