// The "Other clients" recipes of the README, run against a real server on 127.0.0.1 that
// answers with withErrors. The recipes are the modules in ./recipes, which the README shows
// verbatim (the last test keeps the two the same).
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { isApiError, parseErrorResponse } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import ky from 'ky'
import { FetchError, ofetch } from 'ofetch'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { withErrors } from '../src'
import { api as axiosApi } from './recipes/axios'
import { api as kyApi } from './recipes/ky'
import { api as ofetchApi } from './recipes/ofetch'

const hits = new Map<string, number>()
const hitsOf = (url: string) => hits.get(new URL(url).pathname) ?? 0

// /api/posts/:id is a 404 POST_NOT_FOUND; /flaky/:name a 503 with Retry-After: 1 the first
// time, then a success; /busy/:name always a 503 with Retry-After: 30; /moved/:name a 304;
// /ok/:name a success.
const handler = withErrors(
  async (request: Request) => {
    const { pathname } = new URL(request.url)
    const hit = (hits.get(pathname) ?? 0) + 1
    hits.set(pathname, hit)
    const [, route, ...rest] = pathname.split('/')
    const id = rest.at(-1) ?? ''
    if (route === 'api') throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
    if (route === 'busy' || (route === 'flaky' && hit === 1)) {
      throw errors.create('SERVICE_UNAVAILABLE', { retryAfter: route === 'busy' ? 30 : 1 })
    }
    if (route === 'moved') return new Response(null, { status: 304 })
    return Response.json({ ok: true, hit })
  },
  { catalog: errors, requestId: true },
)

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

const app = createServer(async (req, res) => {
  const headers = Object.entries(req.headers).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as [string, string]],
  )
  const response = await handler(new Request(`http://127.0.0.1${req.url}`, { headers }))
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
})
// A server that drops every connection unanswered: a network failure, counted.
let dropped = 0
const dropping = createServer().on('connection', (socket) => {
  dropped++
  socket.destroy()
})
let base = ''
let dead = ''

type Get = (url: string, options?: { headers?: Record<string, string> }) => Promise<unknown>
const clients: [string, Get][] = [
  ['ky', (url, options) => kyApi.get(url, options).json()],
  ['ofetch', (url, options) => ofetchApi(url, options)],
  ['axios', async (url, options) => (await axiosApi.get(url, options)).data],
]

beforeAll(async () => {
  base = await listen(app)
  dead = await listen(dropping)
  // core's jitter at 0: a network failure is retried without a wait (Retry-After still is one)
  vi.spyOn(Math, 'random').mockReturnValue(0)
  // a first request per client loads its code, so the timings below are the recipes' own
  await Promise.all(clients.map(([name, get]) => get(`${base}/ok/warm-${name}`)))
})

afterAll(async () => {
  vi.restoreAllMocks()
  await Promise.all([close(app), close(dropping)])
})

async function timed(call: Promise<unknown>) {
  const start = performance.now()
  const [value, error] = await call.then(
    (v) => [v, undefined],
    (e: unknown) => [undefined, e],
  )
  return { value, error, ms: performance.now() - start }
}

// Concurrent, so the three one-second waits of Retry-After: 1 overlap.
describe.concurrent.each(clients)('the %s recipe', (name, get) => {
  it('throws a 404 as the typed POST_NOT_FOUND, with its data and request id, once', async () => {
    const url = `${base}/api/posts/${name}-7`
    const { error } = await timed(get(url, { headers: { 'x-request-id': `req_${name}` } }))
    expect(errors.is(error, 'POST_NOT_FOUND')).toBe(true)
    if (!errors.is(error, 'POST_NOT_FOUND')) return
    expect({
      code: error.code,
      status: error.status,
      message: error.message,
      data: error.data,
      requestId: error.requestId,
    }).toEqual({
      code: 'POST_NOT_FOUND',
      status: 404,
      message: 'Post not found',
      data: { postId: `${name}-7` },
      requestId: `req_${name}`,
    })
    expect(hitsOf(url)).toBe(1)
  })

  it('retries a 503 with Retry-After: 1 once, a second later, and returns the success', async () => {
    const url = `${base}/flaky/${name}`
    const { value, error, ms } = await timed(get(url))
    expect({ value, error, hits: hitsOf(url) }).toEqual({
      value: { ok: true, hit: 2 },
      error: undefined,
      hits: 2,
    })
    expect(ms).toBeGreaterThanOrEqual(995) // never sooner than Retry-After (timers' rounding)
    expect(ms).toBeLessThan(3_000) // one wait, not two
  })

  it('gives up at once on a Retry-After longer than the cap (30 s over 10 s)', async () => {
    const url = `${base}/busy/${name}`
    const { error, ms } = await timed(get(url))
    expect(errors.is(error, 'SERVICE_UNAVAILABLE')).toBe(true)
    expect((error as { retryAfter?: number }).retryAfter).toBe(30)
    expect(hitsOf(url)).toBe(1)
    expect(ms).toBeLessThan(2_000) // not 10 s (the cap), nor 30
  })

  it('leaves a 304 to the client, not a SERVER_ERROR', async () => {
    const url = `${base}/moved/${name}`
    const { error } = await timed(get(url))
    expect(isApiError(error)).toBe(false)
    expect(hitsOf(url)).toBe(1)
  })
})

describe('network failures', () => {
  // One at a time: the dropping server counts connections, not paths.
  it.each(clients)('the %s recipe makes core’s 3 attempts, then throws', async (_name, get) => {
    dropped = 0
    const { error } = await timed(get(`${dead}/ok/x`))
    expect(error).toBeInstanceOf(Error)
    expect(dropped).toBe(3)
  })
})

describe('the ky recipe', () => {
  it('does not retry when a hook throws', async () => {
    const url = `${base}/ok/ky-hook`
    const failing = kyApi.extend({
      hooks: {
        afterResponse: [
          () => {
            throw new Error('the hook failed')
          },
        ],
      },
    })
    const { error } = await timed(failing.get(url).json())
    expect((error as Error).message).toBe('the hook failed')
    expect(hitsOf(url)).toBe(1)
  })

  it('is needed: with ky’s own retry, a throwing hook is retried to the limit', async () => {
    const url = `${base}/ok/ky-default`
    const plain = ky.create({
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        afterResponse: [
          () => {
            throw new Error('the hook failed')
          },
        ],
      },
    })
    await expect(plain.get(url).json()).rejects.toThrow('the hook failed')
    expect(hitsOf(url)).toBe(3)
  })
})

describe('the ofetch recipe', () => {
  it('is needed: parsing the response ofetch has read loses the code', async () => {
    const url = `${base}/api/posts/ofetch-read`
    const thrown = await ofetch(url, { retry: 0 }).catch((e: unknown) => e)
    if (!(thrown instanceof FetchError) || !thrown.response) throw new Error('expected a 404')
    const error = await parseErrorResponse(thrown.response, { catalog: errors })
    expect([error.code, thrown.response.bodyUsed]).toEqual(['NOT_FOUND', true])
  })
})

describe('the README', () => {
  const readme = readFileSync(path.join(import.meta.dirname, '../README.md'), 'utf8')

  it.each(['ky', 'ofetch', 'axios'])('shows the %s recipe as it is tested here', (name) => {
    const code = readFileSync(path.join(import.meta.dirname, `recipes/${name}.ts`), 'utf8')
    const block = `\`\`\`ts\n// src/${name}.ts\n${code}\`\`\`\n`
    expect(readme.includes(block), `README.md lacks test/recipes/${name}.ts verbatim`).toBe(true)
  })
})
