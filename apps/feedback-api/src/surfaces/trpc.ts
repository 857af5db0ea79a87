import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { errors } from '../catalog'
import { operationCodes, TRPC_COMMON } from '../errors-per-route'
import {
  createPostProcedureInput,
  demoFailInput,
  listPostsProcedureInput,
  postIdInput,
  webhookInput,
} from '../service/schemas'
import { createService, type FeedbackService } from '../service/service'
import { BODY_LIMIT, errorOptions, idempotencyKeyOf } from './shared'

interface Context {
  readonly service: FeedbackService
  readonly authorization: string | null
  /** The `Idempotency-Key` header, read as REST reads it when a mutation needs it. */
  readonly idempotencyKey: string | null
}

// No transformer: plain JSON, so any tRPC client (or curl) can call it.
/**
 * Faultline's tRPC setup: the formatter below and the handler of `trpcApi`, from one place. With
 * `common`, each procedure's client error narrows to what it declares (`src/errors-per-route.ts`).
 */
const trpcErrors = createTRPCErrors({ ...errorOptions, common: TRPC_COMMON })

/** A procedure's `.errors(...)`: what its operation declares (`src/errors-per-route.ts`). */
const declared = {
  listPosts: trpcErrors.declare(...operationCodes.listPosts),
  createPost: trpcErrors.declare(...operationCodes.createPost),
  getPost: trpcErrors.declare(...operationCodes.getPost),
  addVote: trpcErrors.declare(...operationCodes.addVote),
  removeVote: trpcErrors.declare(...operationCodes.removeVote),
  testWebhook: trpcErrors.declare(...operationCodes.testWebhook),
  demoFail: trpcErrors.declare(...operationCodes.demoFail),
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: trpcErrors.errorFormatter,
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
    list: t.procedure
      .errors(declared.listPosts)
      .input(listPostsProcedureInput)
      .query(({ ctx, input }) => ctx.service.listPosts(input)),
    byId: t.procedure
      .errors(declared.getPost)
      .input(postIdInput)
      .query(({ ctx, input }) => ctx.service.getPost(input.postId)),
    create: writer
      .errors(declared.createPost)
      .input(createPostProcedureInput)
      .mutation(async ({ ctx, input }) => {
        const { idempotencyKey, ...post } = input
        // the header, as on REST (a client retrying sends it on every attempt); the input field
        // for clients that cannot set headers
        const header = idempotencyKeyOf(ctx.idempotencyKey)
        if (header !== undefined && idempotencyKey !== undefined && header !== idempotencyKey) {
          throw errors.create('BAD_REQUEST', {
            message: 'The Idempotency-Key header and the idempotencyKey input differ',
          })
        }
        return (await ctx.service.createPost(ctx.principal, post, header ?? idempotencyKey)).post
      }),
  }),
  vote: t.router({
    add: writer
      .errors(declared.addVote)
      .input(postIdInput)
      .mutation(({ ctx, input }) => ctx.service.addVote(ctx.principal, input.postId)),
    remove: writer
      .errors(declared.removeVote)
      .input(postIdInput)
      .mutation(async ({ ctx, input }) => {
        await ctx.service.removeVote(ctx.principal, input.postId)
        return null
      }),
  }),
  webhook: t.router({
    test: writer
      .errors(declared.testWebhook)
      .input(webhookInput)
      .mutation(({ ctx, input }) => ctx.service.testWebhook(ctx.principal, input)),
  }),
  demo: t.router({
    fail: t.procedure
      .errors(declared.demoFail)
      .input(demoFailInput)
      .query(({ ctx, input }) => ctx.service.demoFail(input.status)),
  }),
})

/** The router's type, for `createTRPCClient<AppRouter>`. */
export type AppRouter = typeof appRouter

/** The most calls one batched request may make. */
export const MAX_BATCH_SIZE = 50

/**
 * Serves {@link appRouter} at `/trpc` with Faultline's request model: the same 404, 405, body
 * and validation answers as the REST surfaces, in the same order, and one error per batch too
 * large.
 *
 * @example
 * ```ts
 * if (pathname.startsWith('/trpc/')) return trpcApi(request, env, ctx)
 * ```
 */
export function trpcApi(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  return trpcErrors.fetchHandler({
    endpoint: '/trpc',
    req: request,
    router: appRouter,
    createContext: () => ({
      service: createService(env),
      authorization: request.headers.get('authorization'),
      idempotencyKey: request.headers.get('idempotency-key'),
    }),
    bodyLimit: BODY_LIMIT,
    maxBatchSize: MAX_BATCH_SIZE,
    waitUntil: (promise) => ctx.waitUntil(promise),
  })
}
