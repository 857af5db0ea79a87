// Hand-written errors: a thrown Error and an onError that answers { code, message }.
import { Hono } from 'hono'

class NotFound extends Error {
  status = 404
  code = 'POST_NOT_FOUND'
}

const app = new Hono()
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw new NotFound('Post not found')
})
app.onError((err, c) => {
  const status = err instanceof NotFound ? err.status : 500
  const code = err instanceof NotFound ? err.code : 'SERVER_ERROR'
  const message = status < 500 ? err.message : 'Something went wrong on our end'
  return c.json({ code, message }, status)
})

export default app
