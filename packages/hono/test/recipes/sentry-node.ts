// The README's Sentry recipe for Node, verbatim but for the import path. `Sentry.init` runs
// first, in its own module (`node --import ./instrument.mjs server.js`); the tests stand in for it.
import { defaultErrors, defineErrors } from '@faultline/core'
import * as Sentry from '@sentry/node'
import { Hono } from 'hono'
import { errorHandler } from '../../src/index'

export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

export const app = new Hono()
app.get('/posts/:id', (c) => {
  if (c.req.param('id') === 'boom') throw new Error('Connection to the database refused')
  throw errors.create('POST_NOT_FOUND')
})
app.get('/search', () => {
  throw errors.create('SERVICE_UNAVAILABLE', { message: 'The search index is rebuilding' })
})
app.onError(
  errorHandler({
    catalog: errors,
    requestId: true,
    onError: (thrown, { expected, requestId }) => {
      if (!expected) Sentry.captureException(thrown, { tags: { request_id: requestId } })
    },
  }),
)
