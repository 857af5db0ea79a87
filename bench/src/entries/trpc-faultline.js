// The same tRPC router with Faultline, the README setup: createTRPCErrors' errorFormatter and
// fetchHandler.
import { defaultErrors, defineErrors } from '@faultline/core'
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const trpcErrors = createTRPCErrors({ catalog: errors })
const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
const router = t.router({
  post: t.router({
    get: t.procedure.query(() => {
      throw errors.create('POST_NOT_FOUND')
    }),
  }),
})

export default {
  fetch: (req) => trpcErrors.fetchHandler({ endpoint: '/trpc', req, router }),
}
