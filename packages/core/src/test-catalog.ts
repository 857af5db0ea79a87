import { defineErrors, fields } from './catalog'
import { defaultErrors } from './defaults'

/** The catalog the core tests share: the defaults plus a few app codes. */
export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
  },
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
  UPSTREAM_DOWN: { status: 503, message: 'The upstream is down', retryAfter: 30 },
  CONFIG_MISSING: { status: 500, message: 'Configuration missing', expose: true },
})

export const SECRET = 'sk_live_PLANTED_SECRET'
