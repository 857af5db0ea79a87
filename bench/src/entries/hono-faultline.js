// Faultline core + the Hono adapter: the README's full setup, a catalog and one options object
// for the boundary, the onError handler and the not-found handler (given the app, for 405s).
import { defaultErrors, defineErrors } from '@faultline/core'
import { errorBoundary, errorHandler, notFoundHandler } from '@faultline/hono'
import { Hono } from 'hono'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const options = { catalog: errors }
const app = new Hono()
app.use(errorBoundary(options))
app.onError(errorHandler(options))
app.notFound(notFoundHandler({ ...options, app }))
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw errors.create('POST_NOT_FOUND')
})

export default app
