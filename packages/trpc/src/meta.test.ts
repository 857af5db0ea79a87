import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'
import { clientOf, errors, makeRouter, serve, thrownBy } from '../test/app'
import { createTRPCErrors } from './setup'

const router = makeRouter()
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function headersOf(headers: Headers, ...names: string[]) {
  return Object.fromEntries(names.map((name) => [name, headers.get(name)]))
}

describe('responseMeta', () => {
  it('sends Retry-After on a 429 and a 503', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch)
    await thrownBy(() => client.limited.query())
    expect(last().status).toBe(429)
    expect(headersOf(last().headers, 'retry-after', 'cache-control', 'content-type')).toEqual({
      'retry-after': '30',
      'cache-control': 'no-store',
      'content-type': 'application/json',
    })
    await thrownBy(() => client.unavailable.query())
    expect(last().status).toBe(503)
    expect(last().headers.get('retry-after')).toBe('120')
  })

  it('sends the longest Retry-After and one request id for a mixed batch, which answers 207', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch, 'batch')
    await Promise.allSettled([
      client.limited.query(),
      client.unavailable.query(),
      client.ok.query(),
    ])
    expect(last().status).toBe(207)
    expect(last().headers.get('retry-after')).toBe('120')
    const id = last().headers.get('x-request-id')
    expect(id).toMatch(UUID)
    const bodies = JSON.parse(last().body)
    expect(
      bodies.map(
        (entry: { error?: { data: { error: { requestId: string } } } }) =>
          entry.error?.data.error.requestId,
      ),
    ).toEqual([id, id, undefined])
  })

  it('keeps the catalog status for a batch whose calls all fail alike', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch, 'batch')
    await Promise.allSettled([client.limited.query(), client.limited.query()])
    expect(last().status).toBe(429)
    expect(last().headers.get('retry-after')).toBe('30')
  })

  it('reuses a safe incoming x-request-id in body and header', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch, 'http', { 'x-request-id': 'req_42' }).crash.query())
    expect(last().headers.get('x-request-id')).toBe('req_42')
    expect(JSON.parse(last().body).error.data.error.requestId).toBe('req_42')
  })

  it('makes a fresh id when the incoming one is unsafe', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch, 'http', { 'x-request-id': `${'x'.repeat(200)} <script>` })
    await thrownBy(() => client.crash.query())
    const id = last().headers.get('x-request-id')
    expect(id).toMatch(UUID)
    expect(JSON.parse(last().body).error.data.error.requestId).toBe(id)
  })

  it('reads the request id from another header when told to', async () => {
    const { fetch, last } = serve(router, { requestId: (request) => request.headers.get('cf-ray') })
    await thrownBy(() =>
      clientOf(fetch, 'http', { 'cf-ray': '8f1a2b3c4d5e6f70-AMS' }).crash.query(),
    )
    expect(last().headers.get('x-request-id')).toBe('8f1a2b3c4d5e6f70-AMS')
  })

  it('sends no request id when correlation is off', async () => {
    const { fetch, last } = serve(router, { requestId: false })
    await thrownBy(() => clientOf(fetch).crash.query())
    expect(last().headers.get('x-request-id')).toBeNull()
    expect(JSON.parse(last().body).error.data.error).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
  })

  it("sends the catalog entry's headers, such as WWW-Authenticate on a 401", async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch).post.vote.mutate())
    expect(last().status).toBe(401)
    expect(last().headers.get('www-authenticate')).toBe('Bearer realm="api"')
  })

  it('composes with your own responseMeta and never lets an error be cached', async () => {
    // as tRPC's other adapters take it: the setup's onError and responseMeta
    const trpcErrors = createTRPCErrors({ catalog: errors })
    const handler = (path: string) =>
      fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://localhost/trpc/${path}`),
        router,
        createContext: () => ({ apiKey: null }),
        onError: trpcErrors.onError,
        responseMeta: trpcErrors.responseMeta({
          responseMeta: () => ({
            headers: { 'cache-control': 's-maxage=60', 'x-app': 'feedback' },
          }),
        }),
      })
    const ok = await handler('ok')
    expect(headersOf(ok.headers, 'cache-control', 'x-app', 'x-request-id')).toEqual({
      'cache-control': 's-maxage=60',
      'x-app': 'feedback',
      'x-request-id': null,
    })
    const limited = await handler('limited')
    expect(headersOf(limited.headers, 'cache-control', 'x-app', 'retry-after')).toEqual({
      'cache-control': 'no-store',
      'x-app': 'feedback',
      'retry-after': '30',
    })
  })
})
