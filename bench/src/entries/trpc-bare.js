// Bare tRPC fetch router: a procedure that throws TRPCError NOT_FOUND, default formatter.
import { initTRPC, TRPCError } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'

const t = initTRPC.create({ isDev: false })
const router = t.router({
  post: t.router({
    get: t.procedure.query(() => {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Post not found' })
    }),
  }),
})

export default {
  fetch: (req) => fetchRequestHandler({ endpoint: '/trpc', req, router }),
}
