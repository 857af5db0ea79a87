import type { StandardSchemaV1 } from '@faultline/core'
import { methodNotAllowed, readJson } from '@faultline/fetch'
import {
  errorBoundary,
  errorHandler,
  notFoundHandler,
  type ValidatedInput,
  validator,
} from '@faultline/hono'
import { Hono, type MiddlewareHandler } from 'hono'
import { errors } from '../catalog'
import type { Principal } from '../service/auth'
import { createPostInput, type DemoStatus, postIdInput, webhookInput } from '../service/schemas'
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

/**
 * Reads and validates a JSON body with the same reader as the Fetch surface (so 400, 413 and 415
 * are word for word the same), then hands it to `c.req.valid('json')`.
 */
function jsonBody<S extends StandardSchemaV1>(
  schema: S,
): MiddlewareHandler<AppEnv, string, ValidatedInput<S, 'json'>> {
  return async (c, next) => {
    const body = await readJson(c.req.raw, schema, { catalog: errors, limit: BODY_LIMIT })
    c.req.addValidatedData('json', body as object)
    await next()
  }
}

const only =
  (...methods: string[]) =>
  () => {
    throw methodNotAllowed(methods, { catalog: errors })
  }

/**
 * The REST surface on Hono, under `/api/v1`: catalog errors through `app.onError`, non-`Error`
 * throws through the boundary, unknown routes through `notFound`.
 */
export const restApp = new Hono<AppEnv>()
  .basePath('/api/v1')
  .use(errorBoundary(errorOptions))
  .use(async (c, next) => {
    c.set('service', createService(c.env))
    await next()
  })
  .get('/posts', async (c) => c.json(await c.var.service.listPosts()))
  .post('/posts', writer, jsonBody(createPostInput), async (c) => {
    const key = idempotencyKeyOf(c.req.header('idempotency-key'))
    const { post, replayed } = await c.var.service.createPost(
      c.var.principal,
      c.req.valid('json'),
      key,
    )
    return c.json(post, 201, replayHeaders(replayed))
  })
  .all('/posts', only('GET', 'POST'))
  .get('/posts/:postId', validator('param', postIdInput, errors), async (c) =>
    c.json(await c.var.service.getPost(c.req.valid('param').postId)),
  )
  .all('/posts/:postId', only('GET'))
  .post('/posts/:postId/votes', writer, validator('param', postIdInput, errors), async (c) => {
    const vote = await c.var.service.addVote(c.var.principal, c.req.valid('param').postId)
    return c.json(vote, 201)
  })
  .delete('/posts/:postId/votes', writer, validator('param', postIdInput, errors), async (c) => {
    await c.var.service.removeVote(c.var.principal, c.req.valid('param').postId)
    return c.body(null, 204)
  })
  .all('/posts/:postId/votes', only('POST', 'DELETE'))
  .post('/webhooks/test', writer, jsonBody(webhookInput), async (c) =>
    c.json(await c.var.service.testWebhook(c.var.principal, c.req.valid('json'))),
  )
  .all('/webhooks/test', only('POST'))
  .get('/_demo/fail/:status{500|502|503|504}', async (c) =>
    c.var.service.demoFail(Number(c.req.param('status')) as DemoStatus),
  )

restApp.onError(errorHandler(errorOptions))
restApp.notFound(notFoundHandler(errorOptions))
