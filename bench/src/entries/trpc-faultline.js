// The same tRPC router with Faultline: a catalog, errorFormatter, reportErrors, responseMeta.
import { defaultErrors, defineErrors } from '@faultline/core'
import { errorFormatter, reportErrors, responseMeta } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const t = initTRPC.create({ isDev: false, errorFormatter: errorFormatter({ catalog: errors }) })
const router = t.router({
  post: t.router({
    get: t.procedure.query(() => {
      throw errors.create('POST_NOT_FOUND')
    }),
  }),
})

export default {
  fetch: (req) =>
    fetchRequestHandler({
      endpoint: '/trpc',
      req,
      router,
      onError: reportErrors({ catalog: errors }),
      responseMeta: responseMeta(),
    }),
}
