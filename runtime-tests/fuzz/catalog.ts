import { defaultErrors, defineErrors, fields } from '@faultline/core'

/** The catalog every fuzzed adapter uses: the defaults plus codes with typed data and headers. */
export const catalog = defineErrors(
  {
    ...defaultErrors,
    POST_NOT_FOUND: {
      status: 404,
      message: 'Post not found',
      data: fields<{ postId: unknown }>({ postId: 'The id that was looked up' }),
    },
    VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
    SLOW_DOWN: {
      status: 429,
      message: 'Slow down',
      retryAfter: 30,
      data: fields<{ limit: unknown }>(),
    },
    UPSTREAM_DOWN: { status: 503, message: 'Upstream down', data: fields<{ upstream: unknown }>() },
    TEAPOT: { status: 418, message: 'I am a teapot' },
    KEY_REQUIRED: {
      status: 401,
      message: 'API key required',
      headers: { 'www-authenticate': 'Bearer realm="api"' },
    },
    DB_DOWN: { status: 500, message: 'Database unavailable', data: fields<{ shard: unknown }>() },
  },
  { referenceUrl: 'https://errors.example.com/reference' },
)

/** Every code of {@link catalog}, with its status. */
export const codes = Object.entries(catalog.definitions).map(([code, entry]) => ({
  code,
  status: entry.status,
}))

/** A second catalog, as a library with its own codes would bring. */
export const foreign = defineErrors({
  LEGACY_GONE: { status: 410, message: 'Gone for good' },
  LEGACY_BROKEN: { status: 502, message: 'Legacy system broke' },
})
