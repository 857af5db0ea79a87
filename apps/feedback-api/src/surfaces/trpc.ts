import { readJson } from '@faultline/fetch'
import {
  errorFormatter,
  type FaultlineErrorShape,
  reportErrors,
  responseMeta,
} from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { errors } from '../catalog'
import {
  createPostProcedureInput,
  demoFailInput,
  postIdInput,
  webhookInput,
} from '../service/schemas'
import { createService, type FeedbackService } from '../service/service'
import { BODY_LIMIT, reportError } from './shared'

interface Context {
  readonly service: FeedbackService
  readonly authorization: string | null
}

// No transformer: plain JSON, so any tRPC client (or curl) can call it.
const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: errorFormatter({
    catalog: errors,
    // tRPC's own 4xx (no cause: not thrown by our code) carry tRPC's wording; send the catalog's
    // message instead, word for word what the REST surfaces send. (@faultline/trpc already does
    // so for the 404, 405 and parse errors whose wording quotes the client's input.)
    format: ({ shape, error, apiError }) =>
      error.cause === undefined && apiError.status < 500
        ? withMessage(shape, apiError.defaultMessage)
        : shape,
  }),
})

/** Procedures that write: 401 without a valid key, 403 with a read-only one. */
const writer = t.procedure.use(async ({ ctx, next }) =>
  next({ ctx: { principal: await ctx.service.authorizeWrite(ctx.authorization) } }),
)

/**
 * The tRPC surface: the same service and catalog as REST. A catalog error arrives in
 * `error.data.error` (`{ code, message, … }`) with the catalog status as the HTTP status.
 */
export const appRouter = t.router({
  post: t.router({
    list: t.procedure.query(({ ctx }) => ctx.service.listPosts()),
    byId: t.procedure
      .input(postIdInput)
      .query(({ ctx, input }) => ctx.service.getPost(input.postId)),
    create: writer.input(createPostProcedureInput).mutation(async ({ ctx, input }) => {
      const { idempotencyKey, ...post } = input
      return (await ctx.service.createPost(ctx.principal, post, idempotencyKey)).post
    }),
  }),
  vote: t.router({
    add: writer
      .input(postIdInput)
      .mutation(({ ctx, input }) => ctx.service.addVote(ctx.principal, input.postId)),
    remove: writer.input(postIdInput).mutation(async ({ ctx, input }) => {
      await ctx.service.removeVote(ctx.principal, input.postId)
      return null
    }),
  }),
  webhook: t.router({
    test: writer
      .input(webhookInput)
      .mutation(({ ctx, input }) => ctx.service.testWebhook(ctx.principal, input)),
  }),
  demo: t.router({
    fail: t.procedure
      .input(demoFailInput)
      .query(({ ctx, input }) => ctx.service.demoFail(input.status)),
  }),
})

/** The router's type, for `createTRPCClient<AppRouter>`. */
export type AppRouter = typeof appRouter

/**
 * Serves {@link appRouter} at `/trpc` with Faultline's formatter, reporter and response headers.
 *
 * @example
 * ```ts
 * if (pathname.startsWith('/trpc/')) return trpcApi(request, env, ctx)
 * ```
 */
export async function trpcApi(
  request: Request,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  // tRPC reads bodies without a size limit and words its own 400s and 415s (quoting the
  // content-type). A copy of the body goes through the REST surfaces' reader first; a body it
  // rejects is not tRPC's to read: tRPC gets an empty stand-in and the error from createContext.
  const rejected = request.method === 'POST' ? await bodyError(request.clone()) : undefined
  return fetchRequestHandler({
    endpoint: '/trpc',
    req: rejected === undefined ? request : standIn(request),
    router: appRouter,
    createContext() {
      if (rejected !== undefined) throw rejected
      return { service: createService(env), authorization: request.headers.get('authorization') }
    },
    onError: reportErrors({
      catalog: errors,
      onError: reportError,
      waitUntil: (promise) => ctx.waitUntil(promise),
    }),
    responseMeta: responseMeta(),
  })
}

function withMessage<S extends FaultlineErrorShape<typeof errors>>(shape: S, message: string): S {
  return { ...shape, message, data: { ...shape.data, error: { ...shape.data.error, message } } }
}

function bodyError(request: Request): Promise<unknown> {
  return readJson(request, { catalog: errors, limit: BODY_LIMIT }).then(
    () => undefined,
    (error: unknown) => error,
  )
}

function standIn(request: Request): Request {
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return new Request(request.url, { method: 'POST', headers, body: '{}' })
}
