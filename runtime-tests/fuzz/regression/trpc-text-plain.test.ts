// Bug (trpc, meta.ts): errors that tRPC answers from resolveResponse's outer catch (request-level
// errors such as a POST without content-type (415) or a batch over maxBatchSize (400), and any
// error raised while tRPC handles another one) go out with `content-type: text/plain;charset=UTF-8`:
// tRPC sets the JSON content type only on its normal paths, and responseMeta skips content-type.
// Fix: have responseMeta set `content-type: application/json` on error responses that are not
// streamed (`!input.eagerGeneration`). tRPC appends the headers of a `Headers` object but sets
// those of a plain record, so return the headers as a record (arrays for repeated names) to
// override rather than duplicate (this also fixes the doubled headers of
// trpc-unserialisable-body).
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'

const trpcErrors = createTRPCErrors()
const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
const router = t.router({
  ping: t.procedure.query(() => 'pong'),
  save: t.procedure.mutation(() => 'saved'),
})

const handle = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/trpc',
    req,
    router,
    maxBatchSize: 2,
    onError: trpcErrors.onError,
    responseMeta: trpcErrors.responseMeta(),
  })

describe('regression: trpc-text-plain', () => {
  it('answers a POST without content-type (415) as JSON', async () => {
    const response = await handle(
      new Request('http://localhost/trpc/save', {
        method: 'POST',
        body: new Uint8Array([123, 125]),
      }),
    )
    expect(response.status).toBe(415)
    expect(response.headers.get('content-type')).toBe('application/json')
  })

  it('answers a batch over maxBatchSize (400) as JSON', async () => {
    const response = await handle(new Request('http://localhost/trpc/ping,ping,ping?batch=1'))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/json')
  })
})
