// The statuses a client may send the same request again for, later.
const RETRYABLE = [429, 502, 503, 504]

type Conventional<T> = {
  readonly [C in keyof T]: {
    readonly status: T[C] extends readonly [infer S, string] ? S : T[C]
    readonly message: string
    readonly retryable?: true
  }
}

// Each entry from its status, and its message from its code (`NOT_FOUND`: "Not found") unless
// given: a table this short to read and to ship.
function conventional<const T extends Record<string, number | readonly [number, string]>>(
  table: T,
): Conventional<T> {
  const entries: Record<string, object> = {}
  for (const [code, row] of Object.entries(table)) {
    const [status, message = code[0] + code.slice(1).toLowerCase().replaceAll('_', ' ')] =
      typeof row === 'number' ? [row] : row
    entries[code] = RETRYABLE.includes(status)
      ? { status, message, retryable: true }
      : { status, message }
  }
  return entries as Conventional<T>
}

/**
 * The default catalog of the API error convention: one entry per status it names, plus the
 * conventional codes the adapters need (405, 413, 415, 422). Spread it into your own catalog.
 * Each message is the code in words ("Not found") unless written out; 429, 502, 503 and 504 are
 * `retryable`.
 *
 * @example
 * ```ts
 * const errors = defineErrors({ ...defaultErrors, POST_NOT_FOUND: { status: 404, message: 'Post not found' } })
 * ```
 */
export const defaultErrors = /* @__PURE__ */ conventional({
  BAD_REQUEST: 400,
  VALIDATION_ERROR: [400, 'Validation failed'],
  UNAUTHORIZED: 401,
  REQUEST_FAILED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  SERVER_ERROR: [500, 'Something went wrong on our end'],
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
})

/**
 * The longer description of each default code, from the API error convention: what the
 * generated error reference prints. Kept apart from {@link defaultErrors} so that the bytes
 * shipped to the edge stay small.
 *
 * @example
 * ```ts
 * defaultDescriptions.REQUEST_FAILED // 'The parameters were valid but the request failed.'
 * ```
 */
export const defaultDescriptions: { readonly [C in DefaultCode]: string } = {
  BAD_REQUEST: 'The request was unacceptable, often due to a missing required parameter.',
  VALIDATION_ERROR:
    'The request input did not match what the endpoint expects; `errors` lists each problem.',
  UNAUTHORIZED: 'No valid API key was provided.',
  REQUEST_FAILED: 'The parameters were valid but the request failed.',
  FORBIDDEN: "The API key doesn't have permission to perform the request.",
  NOT_FOUND: "The requested resource doesn't exist.",
  METHOD_NOT_ALLOWED: 'The resource exists but does not support this HTTP method; see `Allow`.',
  CONFLICT:
    'The request conflicts with another request (perhaps due to using the same idempotency key).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the endpoint accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body is not in a content type the endpoint accepts.',
  UNPROCESSABLE_CONTENT: 'The request was well-formed but could not be processed.',
  TOO_MANY_REQUESTS: 'Too many requests hit the API too quickly. Back off exponentially.',
  SERVER_ERROR: 'Something went wrong on the server.',
  BAD_GATEWAY: 'Something went wrong on the server: an upstream service answered with an error.',
  SERVICE_UNAVAILABLE:
    'Something went wrong on the server: it is unable to handle the request for now.',
  GATEWAY_TIMEOUT:
    'Something went wrong on the server: an upstream service did not answer in time.',
}

/** The codes of the default catalog. */
export type DefaultCode = keyof typeof defaultErrors
