import type { OpenApiDocument } from '@faultline/docs'
import { declares, errorBoundary, errorHandler, notFoundHandler, validator } from '@faultline/hono'
import { Hono, type MiddlewareHandler } from 'hono'
import { errors } from '../catalog'
import { declaredErrors as declared } from '../errors-per-route'
import { feedbackApiDocument } from '../openapi'
import type { Principal } from '../service/auth'
import {
  createPostInput,
  type DemoStatus,
  listPostsInput,
  postIdInput,
  webhookInput,
} from '../service/schemas'
import { createService, type FeedbackService } from '../service/service'
import { BODY_LIMIT, errorOptions, idempotencyKeyOf, replayHeaders } from './shared'

type AppEnv = {
  Bindings: Env
  Variables: { service: FeedbackService; principal: Principal }
}

/** Authenticates a write: 401 without a valid key, 403 with a read-only one. */
const writer: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', await c.var.service.authorizeWrite(c.req.header('authorization') ?? null))
  await next()
}

const body = { catalog: errors, limit: BODY_LIMIT }

let document: OpenApiDocument | undefined
/** The OpenAPI document, made at its first request and kept for the isolate's life. */
const openApi = () => {
  document ??= feedbackApiDocument()
  return document
}

/**
 * The REST surface on Hono, under `/api/v1`: catalog errors through `app.onError`, non-`Error`
 * throws through the boundary, unknown routes (404) and known paths asked with another method
 * (405 with `Allow`) through `notFound`. Writes authenticate before the body is read.
 */
export const restApp = new Hono<AppEnv>()
  .basePath('/api/v1')
  .use(errorBoundary(errorOptions))
  .use(async (c, next) => {
    c.set('service', createService(c.env))
    await next()
  })
  .get(
    '/posts',
    declares(declared.listPosts),
    validator('query', listPostsInput, body),
    async (c) => c.json(await c.var.service.listPosts(c.req.valid('query')), 200),
  )
  .post(
    '/posts',
    declares(declared.createPost),
    writer,
    validator('json', createPostInput, body),
    async (c) => {
      const key = idempotencyKeyOf(c.req.header('idempotency-key'))
      const { post, replayed } = await c.var.service.createPost(
        c.var.principal,
        c.req.valid('json'),
        key,
      )
      return c.json(post, 201, replayHeaders(replayed))
    },
  )
  .get(
    '/posts/:postId',
    declares(declared.getPost),
    validator('param', postIdInput, body),
    async (c) => c.json(await c.var.service.getPost(c.req.valid('param').postId), 200),
  )
  .post(
    '/posts/:postId/votes',
    declares(declared.addVote),
    writer,
    validator('param', postIdInput, body),
    async (c) => {
      const vote = await c.var.service.addVote(c.var.principal, c.req.valid('param').postId)
      return c.json(vote, 201)
    },
  )
  .delete(
    '/posts/:postId/votes',
    declares(declared.removeVote),
    writer,
    validator('param', postIdInput, body),
    async (c) => {
      await c.var.service.removeVote(c.var.principal, c.req.valid('param').postId)
      return c.body(null, 204)
    },
  )
  .post(
    '/webhooks/test',
    declares(declared.testWebhook),
    writer,
    validator('json', webhookInput, body),
    async (c) => c.json(await c.var.service.testWebhook(c.var.principal, c.req.valid('json')), 200),
  )
  .get('/openapi.json', declares(declared.openApiDocument), (c) => c.json(openApi(), 200))
  .get('/_demo/fail/:status{500|502|503|504}', declares(declared.demoFail), async (c) =>
    c.var.service.demoFail(Number(c.req.param('status')) as DemoStatus),
  )

restApp.onError(errorHandler(errorOptions))
restApp.notFound(notFoundHandler({ ...errorOptions, app: restApp }))
