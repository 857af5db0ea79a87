import { validate } from '@faultline/core'
import { methodNotAllowed, notFound, readJson, withErrors } from '@faultline/fetch'
import { errors } from '../catalog'
import { declaredErrors as declared, type Operation } from '../errors-per-route'
import {
  createPostInput,
  type DemoStatus,
  listPostsInput,
  postIdInput,
  webhookInput,
} from '../service/schemas'
import { createService, type FeedbackService } from '../service/service'
import { BODY_LIMIT, errorOptions, idempotencyKeyOf, replayHeaders } from './shared'

type Params = Record<string, string | undefined>
type Route = (
  request: Request,
  params: Params,
  service: FeedbackService,
  ctx: ExecutionContext,
) => Promise<Response>

/** A route that answers what its operation declares (`src/errors-per-route.ts`), and reports the rest. */
const route = (operation: Operation, handler: Route): Route =>
  withErrors(handler, { ...errorOptions, declared: declared[operation] })

const body = { catalog: errors, limit: BODY_LIMIT }
const writer = (request: Request, service: FeedbackService) =>
  service.authorizeWrite(request.headers.get('authorization'))
const postIdOf = async (params: Params) =>
  (await validate(postIdInput, { postId: decode(params.postId) }, { catalog: errors })).postId

// One entry per resource, its handlers by method: a known path with another method is a 405.
const routes: ReadonlyArray<readonly [URLPattern, Readonly<Record<string, Route>>]> = [
  [
    new URLPattern({ pathname: '/fetch/v1/posts' }),
    {
      GET: route('listPosts', async (request, _, service) => {
        const page = await validate(listPostsInput, queryOf(request), { catalog: errors })
        return Response.json(await service.listPosts(page))
      }),
      POST: route('createPost', async (request, _, service) => {
        const principal = await writer(request, service)
        const input = await readJson(request, createPostInput, body)
        const key = idempotencyKeyOf(request.headers.get('idempotency-key'))
        const { post, replayed } = await service.createPost(principal, input, key)
        return Response.json(post, { status: 201, headers: replayHeaders(replayed) })
      }),
    },
  ],
  [
    new URLPattern({ pathname: '/fetch/v1/posts/:postId' }),
    {
      GET: route('getPost', async (_, params, service) =>
        Response.json(await service.getPost(await postIdOf(params))),
      ),
    },
  ],
  [
    new URLPattern({ pathname: '/fetch/v1/posts/:postId/votes' }),
    {
      POST: route('addVote', async (request, params, service) => {
        const principal = await writer(request, service)
        const vote = await service.addVote(principal, await postIdOf(params))
        return Response.json(vote, { status: 201 })
      }),
      DELETE: route('removeVote', async (request, params, service) => {
        const principal = await writer(request, service)
        await service.removeVote(principal, await postIdOf(params))
        return new Response(null, { status: 204 })
      }),
    },
  ],
  [
    new URLPattern({ pathname: '/fetch/v1/webhooks/test' }),
    {
      POST: route('testWebhook', async (request, _, service) => {
        const principal = await writer(request, service)
        const input = await readJson(request, webhookInput, body)
        return Response.json(await service.testWebhook(principal, input))
      }),
    },
  ],
  [
    new URLPattern({ pathname: '/fetch/v1/_demo/fail/:status(500|502|503|504)' }),
    {
      GET: route('demoFail', (_, params, service) =>
        service.demoFail(Number(params.status) as DemoStatus),
      ),
    },
  ],
]

/**
 * The REST surface as a plain Fetch handler under `/fetch/v1`: no framework, a table of
 * `URLPattern`s, and `withErrors` turning every throw into the catalog response.
 *
 * @example
 * ```ts
 * export default { fetch: fetchApi }
 * ```
 */
export const fetchApi = withErrors(async (request: Request, env: Env, ctx: ExecutionContext) => {
  for (const [pattern, methods] of routes) {
    const match = pattern.exec(request.url)
    if (!match) continue
    const handler = methods[request.method] ?? (request.method === 'HEAD' ? methods.GET : undefined)
    if (!handler) throw methodNotAllowed(Object.keys(methods), { catalog: errors })
    return handler(request, match.pathname.groups, createService(env), ctx)
  }
  throw notFound({ catalog: errors })
}, errorOptions)

// The query as Hono's validator reads it: a repeated name gives all its values.
function queryOf(request: Request): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  const params = new URL(request.url).searchParams
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    query[name] = values.length === 1 ? (values[0] as string) : values
  }
  return query
}

// Hono decodes path parameters; so does this surface, keeping a malformed escape as it came.
function decode(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return value ?? ''
  }
}
