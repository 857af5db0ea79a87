import { isSafeRequestId, requestIdFrom } from '@faultline/core'

/**
 * How {@link withErrors} correlates requests: `true` reads a safe incoming `x-request-id` or
 * makes a UUID; a function picks the id itself (an unsafe or missing result falls back to
 * `true`'s rule).
 */
export type RequestIdOption = boolean | ((request: Request) => string | null | undefined)

const ids = new WeakMap<object, string>()

/**
 * The request id {@link withErrors} gave a request, for logs and reporting hooks; `undefined`
 * when correlation is off.
 *
 * @example
 * ```ts
 * const onError: ErrorReporter = (thrown, { request }) => {
 *   console.error(request && requestIdOf(request), thrown)
 * }
 * ```
 */
export function requestIdOf(request: Request): string | undefined {
  return ids.get(request)
}

/** Picks and remembers the id of a request; never throws. */
export function correlate(request: Request, option: RequestIdOption | undefined) {
  if (!option) return undefined
  let id: string
  try {
    const custom = typeof option === 'function' ? option(request) : undefined
    id = isSafeRequestId(custom) ? custom : requestIdFrom(request)
  } catch {
    id = crypto.randomUUID()
  }
  try {
    ids.set(request, id)
  } catch {
    // not an object: nothing to remember it by
  }
  return id
}

/**
 * Adds `x-request-id` to a successful response. Responses from `fetch()` or
 * `Response.redirect()` have immutable headers, so those are copied into a new `Response`;
 * WebSocket upgrades and anything that cannot be copied go out untouched.
 */
export function tagResponse(response: Response, id: string): Response {
  try {
    if (response.headers.has('x-request-id')) return response
    response.headers.set('x-request-id', id)
    return response
  } catch {
    // immutable headers: copy below
  }
  try {
    if (response.status === 101 || (response as { webSocket?: unknown }).webSocket) return response
    const copy = new Response(response.body, response)
    copy.headers.set('x-request-id', id)
    return copy
  } catch {
    return response
  }
}
