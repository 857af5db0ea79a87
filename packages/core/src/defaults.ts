/**
 * The default catalog of the API error convention: one entry per status it names, plus the
 * conventional codes the adapters need (405, 413, 415, 422). Spread it into your own catalog.
 *
 * @example
 * ```ts
 * const errors = defineErrors({ ...defaultErrors, POST_NOT_FOUND: { status: 404, message: 'Post not found' } })
 * ```
 */
export const defaultErrors = {
  BAD_REQUEST: {
    status: 400,
    message: 'Bad request',
  },
  VALIDATION_ERROR: {
    status: 400,
    message: 'Validation failed',
  },
  UNAUTHORIZED: {
    status: 401,
    message: 'Unauthorized',
  },
  REQUEST_FAILED: {
    status: 402,
    message: 'Request failed',
  },
  FORBIDDEN: {
    status: 403,
    message: 'Forbidden',
  },
  NOT_FOUND: {
    status: 404,
    message: 'Not found',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'Method not allowed',
  },
  CONFLICT: {
    status: 409,
    message: 'Conflict',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'Payload too large',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Unsupported media type',
  },
  UNPROCESSABLE_CONTENT: {
    status: 422,
    message: 'Unprocessable content',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    message: 'Too many requests',
    retryable: true,
  },
  SERVER_ERROR: {
    status: 500,
    message: 'Something went wrong on our end',
  },
  BAD_GATEWAY: {
    status: 502,
    message: 'Bad gateway',
    retryable: true,
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'Service unavailable',
    retryable: true,
  },
  GATEWAY_TIMEOUT: {
    status: 504,
    message: 'Gateway timeout',
    retryable: true,
  },
} as const

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
