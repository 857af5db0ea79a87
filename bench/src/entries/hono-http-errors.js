// http-errors: createError(404) and an onError that answers { code, message }.
import { Hono } from 'hono'
import createError from 'http-errors'

const app = new Hono()
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw createError(404, 'Post not found', { code: 'POST_NOT_FOUND' })
})
app.onError((err, c) => {
  const status = createError.isHttpError(err) ? err.status : 500
  const code = createError.isHttpError(err) ? err.code : 'SERVER_ERROR'
  const message = createError.isHttpError(err) && err.expose ? err.message : 'Something went wrong'
  return c.json({ code, message }, status)
})

export default app
