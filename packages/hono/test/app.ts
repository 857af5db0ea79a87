// The app the README shows, shared by the Node tests (hc client) and the workerd tests.
import { type ErrorReporter, problemDetails } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { type RequestIdVariables, requestId } from 'hono/request-id'
import { z } from 'zod'
import {
  errorBoundary,
  errorHandler,
  notFoundHandler,
  validationHook,
  validator,
} from '../src/index'

type AppEnv = { Bindings: { API_TOKEN?: string }; Variables: RequestIdVariables }

const newPost = z.object({ title: z.string().min(3).max(120), body: z.string().optional() })

export function createApp(onError?: ErrorReporter) {
  const options = { catalog: errors, onError, problemDetails, requestId: true }

  const posts = new Hono<AppEnv>()
    .get('/:id', (c) => {
      const id = c.req.param('id')
      if (id !== '1') throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
      return c.json({ id, title: 'Dark mode' }, 200)
    })
    .post('/', validator('json', newPost, { catalog: errors }), (c) =>
      c.json(c.req.valid('json'), 201),
    )
    .post(
      '/:id/votes',
      zValidator('json', z.object({ up: z.boolean() }), validationHook({ catalog: errors })),
      () => {
        throw errors.create('VOTE_EXISTS')
      },
    )

  const app = new Hono<AppEnv>()
  app.use(errorBoundary(options))
  app.use(requestId())
  app.onError(errorHandler(options))
  app.notFound(notFoundHandler(options))
  app.use(
    '/admin/*',
    bearerAuth({
      verifyToken: (token, c) => {
        const env = c.env as AppEnv['Bindings'] | undefined
        return token === (env?.API_TOKEN ?? 'dev-token')
      },
    }),
  )

  return app
    .route('/posts', posts)
    .get('/admin/stats', (c) => c.json({ posts: 1 }, 200))
    .get('/search', (c) => {
      // A route that only throws has no response type, so hc would not list it.
      if (c.req.query('q') === 'burst') throw errors.create('TOO_MANY_REQUESTS', { retryAfter: 30 })
      return c.json({ results: [] as string[] }, 200)
    })
    .get('/crash', () => {
      throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db')
    })
    .get('/throw/string', () => {
      throw 'boom'
    })
}

export type App = ReturnType<typeof createApp>
