import { describe, expect, it } from 'vitest'
import { clientOf, errors, makeRouter, serve, thrownBy } from '../test/app'
import { fromTRPCClientError } from './client'
import { createTRPCErrors } from './setup'

const router = makeRouter({ isDev: false })
const url = (path: string) => `http://localhost/trpc/${path}`
const errorOf = (body: string) => JSON.parse(body).error.data.error

describe('fetchHandler', () => {
  it('gives each call of a batch its own retry delay', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch, 'batch')
    const [missing, unavailable] = await Promise.all([
      thrownBy(() => client.post.get.query({ id: '8' })),
      thrownBy(() => client.unavailable.query()),
    ])
    expect(last().headers.get('retry-after')).toBe('120')
    const notFound = fromTRPCClientError(missing, { catalog: errors })
    const down = fromTRPCClientError(unavailable, { catalog: errors })
    expect([notFound.code, notFound.retryAfter]).toEqual(['POST_NOT_FOUND', undefined])
    expect([down.code, down.retryAfter]).toEqual(['SERVICE_UNAVAILABLE', 120])
  })

  it("answers a batch over maxBatchSize once, with the catalog's 400", async () => {
    const { fetch, last } = serve(router, { maxBatchSize: 2 })
    await fetch(url('ok,ok,ok?batch=1&input={}'))
    expect(last().status).toBe(400)
    expect(errorOf(last().body)).toEqual({
      code: 'BAD_REQUEST',
      message: 'A batch may hold at most 2 calls',
      requestId: expect.any(String),
    })
    await fetch(url('ok,ok?batch=1&input={}'))
    expect(last().status).toBe(200)
  })

  it('authenticates before it reads the body', async () => {
    const { fetch, last } = serve(router)
    const send = (headers: Record<string, string>) =>
      fetch(url('post.vote'), { method: 'POST', headers, body: 'x'.repeat(100) })
    await send({ 'content-type': 'text/plain' })
    expect([last().status, errorOf(last().body).code]).toEqual([401, 'API_KEY_INVALID'])
    await send({ 'content-type': 'text/plain', authorization: 'key_1' })
    expect([last().status, errorOf(last().body).code]).toEqual([409, 'VOTE_EXISTS'])
  })

  it("reads the body with core's reader, within bodyLimit, only for a procedure's input", async () => {
    const { fetch, last } = serve(router, { bodyLimit: 32 })
    const body = JSON.stringify({ title: 'A title long enough', tags: ['one', 'two'] })
    await fetch(url('post.create'), {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    })
    expect([last().status, errorOf(last().body).message]).toEqual([
      413,
      'The request body is larger than the limit of 32 bytes',
    ])
    await fetch(url('post.create'), {
      method: 'POST',
      body: '{"title":"abc","tags":[]}',
      headers: { 'content-type': 'application/merge-patch+json' },
    })
    expect(last().status).toBe(200)
  })

  it('hands createContext the request the client sent', async () => {
    const seen: (string | null)[] = []
    const { fetch } = serve(router, {
      createContext: (req) => {
        seen.push(req.headers.get('content-type'))
        return { apiKey: null }
      },
    })
    await fetch(url('post.vote'), { method: 'POST', headers: { 'content-type': 'text/plain' } })
    expect(seen).toEqual(['text/plain'])
  })

  it('answers HEAD as a query without its body', async () => {
    const { fetch } = serve(router)
    const ok = await fetch(url('ok'), { method: 'HEAD' })
    expect([ok.status, ok.body]).toEqual([200, null])
    const missing = await fetch(url('nope'), { method: 'HEAD' })
    expect([missing.status, missing.body, missing.headers.get('x-request-id')]).toEqual([
      404,
      null,
      expect.any(String),
    ])
  })

  it('answers a method a procedure does not serve with 405 and its Allow', async () => {
    const { fetch, last } = serve(router)
    for (const [method, path, allow] of [
      ['PUT', 'ok', 'GET, HEAD'],
      ['OPTIONS', 'ok', 'GET, HEAD'],
      ['HEAD', 'post.create', 'POST'],
      ['GET', 'post.create', 'POST'],
    ] as const) {
      await fetch(url(path), { method })
      expect([method, path, last().status, last().headers.get('allow')]).toEqual([
        method,
        path,
        405,
        allow,
      ])
    }
  })

  it("keeps the headers createContext sets and your own responseMeta's, as tRPC's adapter does", async () => {
    const { fetchHandler } = createTRPCErrors({ catalog: errors })
    const send = (path: string) =>
      fetchHandler({
        endpoint: '/trpc',
        req: new Request(url(path)),
        router,
        createContext: ({ resHeaders }) => {
          resHeaders.set('x-context', 'set in createContext')
          return { apiKey: null }
        },
        responseMeta: () => ({ headers: { 'cache-control': 's-maxage=60' } }),
      })
    const ok = await send('ok')
    expect([ok.headers.get('x-context'), ok.headers.get('cache-control')]).toEqual([
      'set in createContext',
      's-maxage=60',
    ])
    const limited = await send('limited')
    expect([
      limited.status,
      limited.headers.get('x-context'),
      limited.headers.get('cache-control'),
      limited.headers.get('retry-after'),
    ]).toEqual([429, 'set in createContext', 'no-store', '30'])
  })

  it("merges your responseMeta's headers as tRPC's adapter does: a Headers, or several values", async () => {
    const { fetchHandler } = createTRPCErrors({ catalog: errors })
    const send = (path: string, headers: HeadersInit | Record<string, string[]>) =>
      fetchHandler({
        endpoint: 'trpc/', // slashes either side, as tRPC's adapter allows
        req: new Request(url(path)),
        router,
        createContext: () => ({ apiKey: null }),
        responseMeta: () => ({ headers: headers as Record<string, string[]> }),
      })
    const fromHeaders = await send('ok', new Headers([['x-one', 'a']]))
    expect([fromHeaders.status, fromHeaders.headers.get('x-one')]).toEqual([200, 'a'])
    const several = await send('limited', { link: ['</a>; rel=a', '</b>; rel=b'] })
    expect([several.status, several.headers.get('link')]).toEqual([429, '</a>; rel=a, </b>; rel=b'])
  })

  it('answers multipart 415 like every surface, unless tRPC is to read it (nonJsonContentTypes)', async () => {
    const form = new FormData()
    form.set('title', 'A title')
    const { fetchHandler } = createTRPCErrors({ catalog: errors })
    const send = (nonJsonContentTypes: boolean) =>
      fetchHandler({
        endpoint: '/trpc',
        req: new Request(url('post.create'), { method: 'POST', body: form }),
        router,
        nonJsonContentTypes,
      })
    const refused = await send(false)
    expect([refused.status, errorOf(await refused.text()).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ])
    // tRPC reads the form itself: the zod object input then refuses a FormData
    const read = await send(true)
    expect([read.status, errorOf(await read.text()).code]).toEqual([400, 'VALIDATION_ERROR'])
  })
})
