// The README's Hono setup with a JSON body validated by the adapter's `validator`: what reading
// the body and turning issues into VALIDATION_ERROR add. The schema is a minimal Standard Schema
// written by hand, so that no validator library is counted.
import { defaultErrors, defineErrors } from '@faultline/core'
import { errorBoundary, errorHandler, notFoundHandler, validator } from '@faultline/hono'
import { Hono } from 'hono'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const NewPost = {
  '~standard': {
    version: 1,
    vendor: 'bench',
    validate: (value) =>
      typeof value?.title === 'string'
        ? { value }
        : { issues: [{ message: 'Expected a title', path: ['title'] }] },
  },
}

const options = { catalog: errors }
const app = new Hono()
app.use(errorBoundary(options))
app.onError(errorHandler(options))
app.notFound(notFoundHandler({ ...options, app }))
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw errors.create('POST_NOT_FOUND')
})
app.post('/posts', validator('json', NewPost, { catalog: errors }), (c) =>
  c.json(c.req.valid('json'), 201),
)

export default app
