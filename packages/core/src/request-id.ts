const SAFE_ID = /^[\w.:@-]{1,128}$/

/**
 * The request id to correlate an error with: the incoming header when it is a safe token (1 to
 * 128 letters, digits and `_ . : @ -`), else a fresh UUID. Hostile values (newlines, 10 KB
 * strings) are never echoed.
 *
 * @example
 * ```ts
 * requestIdFrom(request) // 'b3f1c2e0-…' or the caller's own 'x-request-id'
 * ```
 */
export function requestIdFrom(request: Request, header = 'x-request-id'): string {
  const incoming = request.headers.get(header)
  return isSafeRequestId(incoming) ? incoming : crypto.randomUUID()
}

/**
 * Whether a value may be used as a request id as it is.
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
