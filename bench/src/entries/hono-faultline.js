// Faultline core + the Hono adapter: a catalog, the onError handler and the boundary.
import { defaultErrors, defineErrors } from '@faultline/core'
import { errorBoundary, errorHandler } from '@faultline/hono'
import { Hono } from 'hono'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const app = new Hono()
app.use(errorBoundary({ catalog: errors }))
app.onError(errorHandler({ catalog: errors }))
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw errors.create('POST_NOT_FOUND')
})

export default app
