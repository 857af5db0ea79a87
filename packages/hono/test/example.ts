// The README's Worker, verbatim but for the import path: typechecked and run in workerd.
import { defaultErrors, defineErrors, fields } from '@faultline/core'
import { Hono, type MiddlewareHandler } from 'hono'
import { type RequestIdVariables, requestId } from 'hono/request-id'
import { z } from 'zod'
import {
  type ErrorHandlerOptions,
  errorBoundary,
  errorHandler,
  notFoundHandler,
  validator,
} from '../src/index'

export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
  },
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
})

type AppEnv = { Bindings: { API_TOKEN: string }; Variables: RequestIdVariables }

const options: ErrorHandlerOptions = {
  catalog: errors,
  requestId: true,
  // Runs after the response, through ctx.waitUntil; `expected` is true for 4xx.
  onError: async (_, { error, expected, requestId }) => {
    if (!expected) console.error(error.status, error.code, requestId, error.message)
  },
}

// Route middleware, so that an unknown path is a 404 and a wrong method a 405, not a 401
const authed: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header('authorization') !== `Bearer ${c.env.API_TOKEN}`) {
    throw errors.create('UNAUTHORIZED', { headers: { 'www-authenticate': 'Bearer' } })
  }
  await next()
}

const posts = new Hono<AppEnv>()
  .get('/:id', authed, (c) => {
    const id = c.req.param('id')
    if (id !== '1') throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
    return c.json({ id, title: 'Dark mode' }, 200)
  })
  .post(
    '/',
    authed, // before the validator: authentication comes before the body
    validator('json', z.object({ title: z.string().min(3) }), { catalog: errors }),
    (c) => {
      const { title } = c.req.valid('json')
      return c.json({ id: '2', title }, 201)
    },
  )

const app = new Hono<AppEnv>()
app.use(errorBoundary(options)) // first: catches thrown strings, null, plain objects
app.use(requestId())
app.onError(errorHandler(options))
app.notFound(notFoundHandler({ ...options, app })) // given the app: 405 for a known path

const routes = app.route('/posts', posts)

export type AppType = typeof routes
export default app
