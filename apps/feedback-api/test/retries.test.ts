// Clients that retry the Faultline way, against the demo in workerd: retryingFetch on the two
// REST surfaces, retryLink with retryLinkOptions on tRPC. Answers are lost by a proxy in front
// of the Worker (it lets a request through, then drops the answer as a lost connection would),
// so the server has committed what the client never heard of.
import { exports } from 'cloudflare:workers'
import { retryingFetch } from '@faultline/fetch'
import { retryLinkOptions } from '@faultline/trpc'
import { createTRPCClient, httpLink, retryLink } from '@trpc/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errors } from '../src/catalog'
import type { AppRouter } from '../src/index'
import { quietReporter, rowCounts } from './expect'

quietReporter()
afterEach(() => {
  vi.useRealTimers()
})

/** The Worker behind a proxy that drops the answers of the requests numbered in `lose`. */
function proxy(lose: readonly number[] = []) {
  const sent: Request[] = []
  const fetch = async (request: Request) => {
    sent.push(request.clone())
    const response = await exports.default.fetch(request)
    if (!lose.includes(sent.length)) return response
    await response.body?.cancel()
    throw new TypeError('Network connection lost')
  }
  return { fetch, sent }
}

const admin = { authorization: 'Bearer lc_test_admin', 'content-type': 'application/json' }
const rest = { hono: 'http://localhost/api/v1', fetch: 'http://localhost/fetch/v1' } as const

describe.each(Object.entries(rest))('retryingFetch against the %s surface', (_, base) => {
  it('retries a POST whose answer was lost with the same key: one post, the first 201', async () => {
    const { fetch, sent } = proxy([1])
    const before = await rowCounts()
    const api = retryingFetch({ catalog: errors, fetch, baseMs: 1 })
    const response = await api(`${base}/posts`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ title: 'Lost answer' }),
    })
    expect([response.status, response.headers.get('idempotent-replayed')]).toEqual([201, 'true'])
    const keys = sent.map((request) => request.headers.get('idempotency-key'))
    expect([keys.length, new Set(keys).size]).toEqual([2, 1])
    expect(await rowCounts()).toMatchObject({ posts: (before.posts ?? 0) + 1 })
    const { id } = (await response.json()) as { id: string }
    const list = (await (await exports.default.fetch(`${base}/posts?limit=100`)).json()) as {
      posts: { id: string }[]
    }
    expect(list.posts.filter((post) => post.id === id)).toHaveLength(1)
  })

  it('waits out a 429 for the advised seconds, then writes', async () => {
    // 59.5 s into a minute of its own: the limited key has used its 3 writes, Retry-After is 1
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    vi.setSystemTime(Date.UTC(2026, 3, 1, 8, base.includes('fetch') ? 1 : 0, 59, 500))
    const limited = { ...admin, authorization: 'Bearer lc_test_limited' }
    const { fetch, sent } = proxy()
    const onRetry = vi.fn()
    const api = retryingFetch({ catalog: errors, fetch, onRetry, random: () => 0 })
    for (let n = 0; n < 3; n++) {
      await api(`${base}/posts`, { method: 'POST', headers: limited, body: '{"title":"Burst"}' })
    }
    const response = await api(`${base}/posts`, {
      method: 'POST',
      headers: limited,
      body: '{"title":"After the wait"}',
    })
    expect(response.status).toBe(201)
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({
      attempt: 1,
      delayMs: 1000,
      error: { code: 'TOO_MANY_REQUESTS', retryAfter: 1 },
    })
    expect(sent).toHaveLength(5)
  })

  it('gives up on a 503 whose Retry-After (30 s) is longer than the cap, after one request', async () => {
    const { fetch, sent } = proxy()
    const error = await retryingFetch({ catalog: errors, fetch })(`${base}/_demo/fail/503`).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 30 })
    expect(sent).toHaveLength(1)
  })

  it('never retries a 409 IDEMPOTENCY_KEY_REUSED or a 404', async () => {
    const key = { ...admin, 'idempotency-key': `reused-${base}` }
    await exports.default.fetch(`${base}/posts`, {
      method: 'POST',
      headers: key,
      body: '{"title":"A"}',
    })
    const { fetch, sent } = proxy()
    const api = retryingFetch({ catalog: errors, fetch, baseMs: 1 })
    const reused = await api(`${base}/posts`, {
      method: 'POST',
      headers: key,
      body: '{"title":"B"}',
    }).catch((e: unknown) => e)
    const missing = await api(`${base}/posts/missing`).catch((e: unknown) => e)
    expect([
      errors.is(reused, 'IDEMPOTENCY_KEY_REUSED'),
      errors.is(missing, 'POST_NOT_FOUND'),
    ]).toEqual([true, true])
    expect(sent).toHaveLength(2)
  })
})

describe('retryLink with retryLinkOptions against the tRPC surface', () => {
  const client = (fetch: (request: Request) => Promise<Response>) =>
    createTRPCClient<AppRouter>({
      links: [
        retryLink(retryLinkOptions({ catalog: errors, baseMs: 1, mutations: true })),
        httpLink({
          url: 'http://localhost/trpc',
          fetch: (input, init) => fetch(new Request(input, init)),
          headers: { authorization: 'Bearer lc_test_admin' },
        }),
      ],
    })

  it('retries a create whose answer was lost with the same key: one post, the first answer', async () => {
    const { fetch, sent } = proxy([1])
    const before = await rowCounts()
    const idempotencyKey = crypto.randomUUID() // once per logical call: retryLink resends the op
    const post = await client(fetch).post.create.mutate({ title: 'Lost on tRPC', idempotencyKey })
    expect(sent).toHaveLength(2)
    expect(await rowCounts()).toMatchObject({ posts: (before.posts ?? 0) + 1 })
    const again = await client(proxy().fetch).post.create.mutate({
      title: 'Lost on tRPC',
      idempotencyKey,
    })
    expect(again).toEqual(post)
  })

  it('never retries a 404', async () => {
    const { fetch, sent } = proxy()
    await expect(client(fetch).post.byId.query({ postId: 'missing' })).rejects.toThrow(
      'Post not found',
    )
    expect(sent).toHaveLength(1)
  })
})
