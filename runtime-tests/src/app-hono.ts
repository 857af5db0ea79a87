import { problemDetails } from '@faultline/core'
import {
  declares,
  type ErrorHandlerOptions,
  errorBoundary,
  errorHandler,
  notFoundHandler,
  validator,
} from '@faultline/hono'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { authorize, errors, failDeclared, failure } from './catalog'
import { knownPost, NewPost } from './schemas'

const options: ErrorHandlerOptions = {
  catalog: errors,
  problemDetails,
  requestId: true,
  undeclared: 'fail',
}

const app = new Hono()
app.use(errorBoundary(options))
app.onError(errorHandler(options))
app.notFound(notFoundHandler({ ...options, app }))

app.post('/posts', validator('json', NewPost, { catalog: errors }), (c) =>
  c.json(c.req.valid('json'), 201),
)
app.post(
  '/drafts',
  async (c, next) => {
    authorize(c.req.header('authorization'))
    await next()
  },
  validator('json', NewPost, { catalog: errors }),
  (c) => c.json(c.req.valid('json'), 201),
)
app.get('/posts/:id', (c) => {
  const id = c.req.param('id')
  if (id !== knownPost.id) throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
  return c.json(knownPost)
})
app.get('/fail/:what', declares(failDeclared), (c) => {
  const failed = failure(c.req.param('what'))
  if (failed) throw failed.thrown
  return c.notFound()
})
app.get('/http-exception', () => {
  throw new HTTPException(401, { message: 'Token expired' })
})
app.get('/http-exception/res', () => {
  // what hono/bearer-auth throws: a 401 carrying its own response and WWW-Authenticate
  const res = new Response('Unauthorized', {
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="api"' },
  })
  throw new HTTPException(401, { res })
})

/**
 * The conformance routes as a Hono app with `errorBoundary`, `errorHandler` and
 * `notFoundHandler` (given the app, for 405s), Problem Details on, `/fail` declaring its errors.
 */
export function honoApp(request: Request): Promise<Response> {
  return Promise.resolve(app.fetch(request))
}
