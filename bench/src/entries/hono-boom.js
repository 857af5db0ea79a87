// @hapi/boom: Boom.notFound() and an onError that answers { code, message }.
import Boom from '@hapi/boom'
import { Hono } from 'hono'

const app = new Hono()
app.get('/', (c) => c.text('Hello'))
app.get('/posts/:id', () => {
  throw Boom.notFound('Post not found', { code: 'POST_NOT_FOUND' })
})
app.onError((err, c) => {
  const boom = Boom.boomify(err)
  const { statusCode, message } = boom.output.payload
  return c.json({ code: boom.data?.code ?? 'SERVER_ERROR', message }, statusCode)
})

export default app
