import { type ApiErrorOf, defaultErrors, defineErrors } from '@faultline/core'

/**
 * The one error catalog of the feedback API: the convention's defaults plus the codes of this
 * domain. Every surface (Hono, tRPC, the plain Fetch handler) and every client reads it.
 *
 * @example
 * ```ts
 * throw errors.create('POST_NOT_FOUND')
 * ```
 */
export const errors = defineErrors({
  ...defaultErrors,
  UNAUTHORIZED: {
    ...defaultErrors.UNAUTHORIZED,
    headers: { 'www-authenticate': 'Bearer realm="feedback-api"' },
  },
  REQUEST_FAILED: {
    ...defaultErrors.REQUEST_FAILED,
    description:
      'The parameters were valid but the request failed (here: a webhook test whose delivery failed). ' +
      'On the wire the status line reads `402 Payment Required`: that is the reason phrase HTTP ' +
      'registers for 402 (RFC 9110, section 15.5.3), which HTTP/1.1 servers send and ' +
      '`response.statusText` reads (HTTP/2 and HTTP/3 send no phrase). The LogChimp convention ' +
      'reuses 402 as "Request Failed". Nothing is paid or owed: clients read the status number ' +
      'and the `code`, never the reason phrase.',
  },
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    description: 'No post has this id.',
  },
  VOTE_EXISTS: {
    status: 409,
    message: 'User has already voted on this post',
    description: 'The API key has already voted on this post; a vote counts once.',
  },
  VOTE_NOT_FOUND: {
    status: 404,
    message: 'Vote not found',
    description: 'The API key has no vote on this post to remove.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This idempotency key was already used with a different request',
    description:
      'The Idempotency-Key was sent before with another body. Retry with the same body to get the first response, or use a new key.',
  },
})

/** Any error of the catalog, narrowable on `code`. */
export type FeedbackError = ApiErrorOf<typeof errors>
