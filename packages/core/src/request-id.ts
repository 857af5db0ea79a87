// What hono/request-id accepts (word characters, `-` and `=`, up to 255) plus `. : @`.
const SAFE_ID = /^[\w.:@=-]{1,255}$/

/**
 * Request-id correlation, one option shape for every adapter. `false` (the default) turns it
 * off; `true` reuses a safe incoming `x-request-id`, else makes a UUID; a function picks the id
 * itself (`(request) => request.headers.get('cf-ray')`), an unsafe or missing result falling
 * back to `true`'s rule.
 */
export type RequestIdOption = boolean | ((request: Request) => string | null | undefined)

const ids = new WeakMap<Request, string>()

/**
 * The request id of a request, fixed on first use: every later call for the same `Request`
 * (from an outer `withErrors`, an inner Hono or tRPC handler, the reporting hook) gets the same
 * id, whatever option it passes. `requestId` is the adapters' option (left out: `true`);
 * `undefined` when it is `false`. Hostile incoming ids
 * (newlines, 10 KB strings) are never echoed: see {@link isSafeRequestId}. Never throws.
 *
 * @example
 * ```ts
 * requestIdOf(request) // the caller's own 'x-request-id', or 'b3f1c2e0-…'
 * requestIdOf(request, { requestId: (r) => r.headers.get('cf-ray') })
 * ```
 */
export function requestIdOf(
  request: Request,
  options: { readonly requestId?: RequestIdOption | undefined } = {},
): string | undefined {
  const option = options.requestId ?? true
  if (option === false) return undefined
  let id = ids.get(request)
  if (id !== undefined) return id
  try {
    const custom = typeof option === 'function' ? option(request) : undefined
    // Node's IncomingMessage (tRPC's Node adapters hand it to onError) has plain-object headers
    const headers = request.headers as Headers & Record<string, string | string[] | undefined>
    const incoming = isSafeRequestId(custom)
      ? custom
      : typeof headers.get === 'function'
        ? headers.get('x-request-id')
        : [headers['x-request-id']].flat()[0]
    id = isSafeRequestId(incoming) ? incoming : crypto.randomUUID()
    ids.set(request, id)
  } catch {
    // a throwing picker, or nothing to remember the id by
    id ??= crypto.randomUUID()
  }
  return id
}

/**
 * Whether a value may be used as a request id as it is: 1 to 255 letters, digits and
 * `_ . : @ = -`.
 *
 * @example
 * ```ts
 * isSafeRequestId('req_123') // true
 * isSafeRequestId('a\r\nset-cookie: x') // false
 * ```
 */
export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value)
}
