import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { z } from 'zod'
import { authorize, errors, type Failure, failDeclared, failure, failures } from './catalog'
import { knownPost, NewPost } from './schemas'

// `isDev: true` is tRPC's riskiest setting (it puts stacks in error bodies), and the default
// wherever NODE_ENV is unset (workerd, the edge runtime). Setting it also keeps tRPC from
// reading process.env.NODE_ENV, which throws on Deno without --allow-env (see the README).
const trpcErrors = createTRPCErrors({ catalog: errors, requestId: true, undeclared: 'fail' })
const t = initTRPC
  .context<{ authorization: string | null }>()
  .create({ isDev: true, errorFormatter: trpcErrors.errorFormatter })

const names = Object.keys(failures) as [Failure, ...Failure[]]

const router = t.router({
  post: t.router({
    get: t.procedure.input(z.object({ id: z.string() })).query(({ input }) => {
      if (input.id !== knownPost.id) {
        throw errors.create('POST_NOT_FOUND', { data: { postId: input.id } })
      }
      return knownPost
    }),
    create: t.procedure.input(NewPost).mutation(({ input }) => input),
  }),
  draft: t.router({
    create: t.procedure
      .use(({ ctx, next }) => {
        authorize(ctx.authorization)
        return next()
      })
      .input(NewPost)
      .mutation(({ input }) => input),
  }),
  fail: t.procedure
    .errors(trpcErrors.declare(...failDeclared.codes))
    .input(z.object({ what: z.enum(names) }))
    .query(({ input }) => {
      throw failure(input.what)?.thrown
    }),
})

/** The conformance procedures behind the setup's `fetchHandler`, at `/trpc`. */
export function trpcApp(request: Request): Promise<Response> {
  return trpcErrors.fetchHandler({
    endpoint: '/trpc',
    req: request,
    router,
    createContext: ({ req }) => ({ authorization: req.headers.get('authorization') }),
  })
}
