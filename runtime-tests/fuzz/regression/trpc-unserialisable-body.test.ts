// Bug (trpc, formatter.ts jsonSafe + meta.ts): errorFormatter checks that `data` serialises,
// but tRPC then serialises the live objects of the whole body again (and `errors` is never
// checked). Data whose toJSON works once (or nesting near the engine's recursion limit, where the
// deeper second stringify overflows) makes tRPC's stringify throw: tRPC answers from its outer
// catch with a 500 instead of the catalog status, and responseMeta runs a second time on the
// same Headers, which tRPC appends: `cache-control: no-store, no-store`, `x-request-id: id, id`.
// Fix: in jsonSafe, return `JSON.parse(JSON.stringify(body))` (dropping `data`, then `errors`,
// when that throws) so tRPC serialises plain data; and return responseMeta's headers as a record
// so that tRPC sets rather than appends them (see trpc-text-plain).
import { defaultErrors, defineErrors, fields } from '@faultline/core'
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found', data: fields<{ postId: unknown }>() },
})

/** A value that serialises once, then throws (a lazy getter, a one-shot stream, a proxy). */
function once() {
  let calls = 0
  return {
    toJSON() {
      if (calls++ > 0) throw new Error('already consumed')
      return '7'
    },
  }
}

const trpcErrors = createTRPCErrors({ catalog: errors, requestId: true })
const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
const router = t.router({
  get: t.procedure.query(() => {
    throw errors.create('POST_NOT_FOUND', { data: { postId: once() } })
  }),
})

describe('regression: trpc-unserialisable-body', () => {
  it('keeps the catalog status and single error headers', async () => {
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://localhost/trpc/get', { headers: { 'x-request-id': 'req_1' } }),
      router,
      onError: trpcErrors.onError,
      responseMeta: trpcErrors.responseMeta(),
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-request-id')).toBe('req_1')
  })
})
