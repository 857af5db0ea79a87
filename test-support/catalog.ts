// The catalog every package's tests share: the defaults plus one code for each thing an entry
// can declare. A test that needs a catalog of its own to prove something (a reworded default,
// hostile entries, a thousand codes) keeps it inline. Core's tests import this file against
// core's source (see packages/core/vitest.config.ts); everyone else's against the built core.
import { defaultErrors, defineErrors, fields } from '@faultline/core'

/** A secret planted in server-side error messages; no response body may contain it. */
export const SECRET = 'postgres://admin:hunter2@db.internal/prod'

export const errors = defineErrors({
  ...defaultErrors,
  /** Declares typed `data`. */
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
  },
  /** A plain app code. */
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
  /** Headers every response of the code carries. */
  API_KEY_INVALID: {
    status: 401,
    message: 'Invalid API key',
    headers: { 'www-authenticate': 'Bearer realm="api"' },
  },
  /** An app 429 with its own wording and a default retry delay. */
  RATE_LIMITED: { status: 429, message: 'Slow down', retryAfter: 30 },
  /** A 503 with a default retry delay, not marked retryable. */
  UPSTREAM_DOWN: { status: 503, message: 'The upstream is down', retryAfter: 30 },
  /** A 5xx whose thrown message is safe to send. */
  CONFIG_MISSING: { status: 500, message: 'Configuration missing', expose: true },
})
