import { errorFormatter, reportErrors, responseMeta } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { z } from 'zod'
import { errors, type Failure, failure, failures } from './catalog'
import { knownPost, NewPost } from './schemas'

// `isDev: true` is tRPC's riskiest setting (it puts stacks in error bodies), and the default
// wherever NODE_ENV is unset (workerd, the edge runtime). Setting it also keeps tRPC from
// reading process.env.NODE_ENV, which throws on Deno without --allow-env (see the README).
const t = initTRPC.create({ isDev: true, errorFormatter: errorFormatter({ catalog: errors }) })

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
  fail: t.procedure.input(z.object({ what: z.enum(names) })).query(({ input }) => {
    throw failure(input.what)?.thrown
  }),
})

/** The conformance procedures behind tRPC's `fetchRequestHandler`, at `/trpc`. */
export function trpcApp(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/trpc',
    req: request,
    router,
    onError: reportErrors({ catalog: errors }),
    responseMeta: responseMeta(),
  })
}
