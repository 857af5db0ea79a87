// The README's Sentry recipe for Workers, verbatim but for the import path: one event per
// unexpected error, none for 4xx, tagged with the request id the client received.
import { defaultErrors, defineErrors } from '@faultline/core'
import * as Sentry from '@sentry/cloudflare'
import { Hono } from 'hono'
import { errorHandler, notFoundHandler } from '../../src/index'

export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

type Env = { SENTRY_DSN: string }

const app = new Hono<{ Bindings: Env }>()
app.get('/posts/:id', (c) => {
  if (c.req.param('id') === 'boom') throw new Error('Connection to the database refused')
  throw errors.create('POST_NOT_FOUND')
})
app.get('/search', () => {
  throw errors.create('SERVICE_UNAVAILABLE', { message: 'The search index is rebuilding' })
})
app.notFound(notFoundHandler({ catalog: errors }))
app.onError(
  errorHandler({
    catalog: errors,
    requestId: true,
    // The one place errors reach Sentry: each 5xx once, with the id the client got; 4xx never.
    onError: (thrown, { expected, requestId }) => {
      if (!expected) Sentry.captureException(thrown, { tags: { request_id: requestId } })
    },
  }),
)

export default Sentry.withSentry((env: Env) => ({ dsn: env.SENTRY_DSN }), app)
