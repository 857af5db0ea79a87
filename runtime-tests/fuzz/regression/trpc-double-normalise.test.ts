// Bug (trpc, report.ts + formatter.ts): reportErrors and errorFormatter each normalise the thrown
// value (fromTRPCError), so a value whose getters answer differently on each read (a proxy, a lazy
// or stateful getter) is reported to onError as one error and answered as another: the hook's
// `context.error` and `expected` no longer describe the response. The Fetch and Hono adapters
// normalise once (core's handleError).
// Fix: let reportErrors keep the ApiError it made (state.ts setRendered, passing tRPC's `input`
// from the onError arguments so validation messages are scrubbed the same way), and have the
// formatter use `renderedOf(error)` before normalising again.
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'

describe('regression: trpc-double-normalise', () => {
  it('reports the error it answers with', async () => {
    const reported: number[] = []
    // tRPC's own handler with the setup's onError and responseMeta, as tRPC's other adapters take them
    const trpcErrors = createTRPCErrors({
      onError: (_, { error }) => void reported.push(error.status),
    })
    const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
    const router = t.router({
      boom: t.procedure.query(() => {
        let reads = 0
        // 404 on the first read, 409 after
        throw Object.defineProperty(new Error('gone'), 'status', {
          get: () => (reads++ === 0 ? 404 : 409),
        })
      }),
    })
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://localhost/trpc/boom'),
      router,
      onError: trpcErrors.onError,
      responseMeta: trpcErrors.responseMeta(),
    })
    expect(reported).toEqual([response.status])
  })
})
