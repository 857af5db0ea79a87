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
    description: 'The request was unacceptable, often due to a missing required parameter.',
  },
  VALIDATION_ERROR: {
    status: 400,
    message: 'Validation failed',
    description:
      'The request input did not match what the endpoint expects; `errors` lists each problem.',
  },
  UNAUTHORIZED: {
    status: 401,
    message: 'Unauthorized',
    description: 'No valid API key was provided.',
  },
  REQUEST_FAILED: {
    status: 402,
    message: 'Request failed',
    description: 'The parameters were valid but the request failed.',
  },
  FORBIDDEN: {
    status: 403,
    message: 'Forbidden',
    description: "The API key doesn't have permission to perform the request.",
  },
  NOT_FOUND: {
    status: 404,
    message: 'Not found',
    description: "The requested resource doesn't exist.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'Method not allowed',
    description: 'The resource exists but does not support this HTTP method; see `Allow`.',
  },
  CONFLICT: {
    status: 409,
    message: 'Conflict',
    description:
      'The request conflicts with another request (perhaps due to using the same idempotency key).',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'Payload too large',
    description: 'The request body is larger than the endpoint accepts.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Unsupported media type',
    description: 'The request body is not in a content type the endpoint accepts.',
  },
  UNPROCESSABLE_CONTENT: {
    status: 422,
    message: 'Unprocessable content',
    description: 'The request was well-formed but could not be processed.',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    message: 'Too many requests',
    description: 'Too many requests hit the API too quickly. Back off exponentially.',
    retryable: true,
  },
  SERVER_ERROR: {
    status: 500,
    message: 'Something went wrong on our end',
    description: 'Something went wrong on the server.',
  },
  BAD_GATEWAY: {
    status: 502,
    message: 'Bad gateway',
    description: 'Something went wrong on the server: an upstream service answered with an error.',
    retryable: true,
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'Service unavailable',
    description: 'Something went wrong on the server: it is unable to handle the request for now.',
    retryable: true,
  },
  GATEWAY_TIMEOUT: {
    status: 504,
    message: 'Gateway timeout',
    description: 'Something went wrong on the server: an upstream service did not answer in time.',
    retryable: true,
  },
} as const

/** The codes of the default catalog. */
export type DefaultCode = keyof typeof defaultErrors
