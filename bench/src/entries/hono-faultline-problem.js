// The README's Hono setup with Problem Details turned on: what core's `problemDetails` adds.
import { defaultErrors, defineErrors, problemDetails } from '@faultline/core'
import { errorBoundary, errorHandler, notFoundHandler } from '@faultline/hono'
import { Hono } from 'hono'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const options = { catalog: errors, problemDetails }
const app = new Hono()
app.use(errorBoundary(options))
app.onError(errorHandler(options))
app.notFound(notFoundHandler({ ...options, app }))
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw errors.create('POST_NOT_FOUND')
})

export default app
