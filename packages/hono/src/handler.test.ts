import type { ErrorReporter } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it, vi } from 'vitest'
import { errorBoundary, errorHandler, notFoundHandler } from './handler'
import type { ErrorHandlerOptions } from './render'

function makeApp(options: ErrorHandlerOptions = {}) {
  const app = new Hono()
  app.onError(errorHandler({ catalog: errors, ...options }))
  app.get('/posts/:id', (c) => {
    throw errors.create('POST_NOT_FOUND', { data: { postId: c.req.param('id') } })
  })
  app.get('/crash', () => {
    throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db')
  })
  app.get('/http/500', () => {
    throw new HTTPException(500, { message: 'pool exhausted, password hunter2' })
  })
  app.get('/http/res', () => {
    const res = new Response('<h1>nope</h1>', {
      status: 401,
      headers: {
        'content-type': 'text/html',
        'www-authenticate': 'Bearer realm="feedback"',
        'cache-control': 'public, max-age=60',
      },
    })
    res.headers.append('set-cookie', 'session=; Max-Age=0')
    res.headers.append('set-cookie', 'refresh=; Max-Age=0')
    throw new HTTPException(401, { res })
  })
  app.get('/http/redirect', (c) => {
    throw new HTTPException(302, { res: c.redirect('/login') })
  })
  app.get('/partial', (c) => {
    c.header('x-trace', 'abc')
    c.header('cache-control', 'public, max-age=3600')
    throw new Error('half-way')
  })
  app.use('/admin/*', bearerAuth({ token: 'secret-token' }))
  app.get('/admin/stats', (c) => c.json({ ok: true }))
  return app
}

const headersOf = (res: Response) => Object.fromEntries(res.headers)

describe('errorHandler', () => {
  it('shows the message of a 5xx HTTPException when exposeServerErrors is set', async () => {
    const res = await makeApp({ exposeServerErrors: true }).request('/http/500')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'pool exhausted, password hunter2',
    })
  })

  it('keeps the status and headers of an HTTPException res but sends the catalog body', async () => {
    const res = await makeApp().request('/http/res')
    expect(res.status).toBe(401)
    const { 'set-cookie': _cookies, ...headers } = headersOf(res)
    expect(headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
      'www-authenticate': 'Bearer realm="feedback"',
    })
    expect(res.headers.getSetCookie()).toEqual(['session=; Max-Age=0', 'refresh=; Max-Age=0'])
    expect(await res.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' })
  })

  it("answers hono/bearer-auth's rejection with the catalog body and its WWW-Authenticate", async () => {
    const res = await makeApp().request('/admin/stats', {
      headers: { authorization: 'Bearer wrong-token' },
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await res.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' })
  })

  it('lets a thrown redirect (a 3xx HTTPException with res) through untouched', async () => {
    const res = await makeApp().request('/http/redirect')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login')
    expect(await res.text()).toBe('')
  })

  it('answers JSON to a request that prefers Problem Details, unless given problemDetails', async () => {
    const res = await makeApp().request('/posts/7', {
      headers: { accept: 'application/problem+json' },
    })
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '7' },
    })
  })

  it('keeps headers set before the throw, while the error sets its own', async () => {
    const res = await makeApp().request('/partial')
    expect(res.status).toBe(500)
    expect(headersOf(res)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
      'x-trace': 'abc',
    })
  })

  it('keeps the error headers when an outer middleware touched c.res before the throw', async () => {
    const app = new Hono()
    app.onError(errorHandler())
    app.use(async (c, next) => {
      c.res.headers.set('cache-control', 'public, max-age=3600')
      await next()
    })
    app.get('/', () => {
      throw new Error('boom')
    })
    const res = await app.request('/')
    expect(res.status).toBe(500)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('keeps the CORS headers of hono/cors, so a browser can read the error body', async () => {
    const app = new Hono()
    app.use(cors({ origin: 'https://app.example' }))
    app.onError(errorHandler())
    app.get('/', () => {
      throw new HTTPException(403)
    })
    const res = await app.request('/', { headers: { origin: 'https://app.example' } })
    expect(res.status).toBe(403)
    expect(headersOf(res)).toEqual({
      'access-control-allow-origin': 'https://app.example',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept, Origin',
    })
  })

  it('replaces a response already made when a middleware throws after next()', async () => {
    const app = new Hono()
    app.onError(errorHandler())
    app.use(async (_, next) => {
      await next()
      throw new Error('audit log failed')
    })
    app.get('/', (c) => c.json({ ok: true }, 200, { etag: '"v1"' }))
    const res = await app.request('/')
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
  })

  it('handles errors of routes mounted from a sub-app', async () => {
    const posts = new Hono().get('/:id', () => {
      throw errors.create('POST_NOT_FOUND', { data: { postId: '9' } })
    })
    const app = new Hono().route('/api/posts', posts)
    app.onError(errorHandler({ catalog: errors }))
    const res = await app.request('/api/posts/9')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '9' },
    })
  })

  it('reports the original error, telling expected 4xx from unexpected 5xx', async () => {
    const onError = vi.fn<ErrorReporter>()
    const app = makeApp({ onError })
    await app.request('/posts/7')
    await app.request('/crash')
    expect(onError).toHaveBeenCalledTimes(2)
    const [notFound, crash] = onError.mock.calls
    expect(notFound?.[1]).toMatchObject({ expected: true, error: { code: 'POST_NOT_FOUND' } })
    expect(crash?.[0]).toEqual(new Error('connect ECONNREFUSED postgres://admin:hunter2@db'))
    expect(crash?.[1]).toMatchObject({ expected: false, error: { code: 'SERVER_ERROR' } })
    expect(crash?.[1].request?.url).toBe('http://localhost/crash')
  })

  it("hands an async reporter's promise to executionCtx.waitUntil", async () => {
    let finish = () => {}
    const reporting = new Promise<void>((resolve) => {
      finish = resolve
    })
    const waitUntil = vi.fn()
    const executionCtx = { waitUntil, passThroughOnException() {}, props: {} }
    const res = await makeApp({ onError: () => reporting }).request(
      '/crash',
      {},
      undefined,
      executionCtx,
    )
    expect(res.status).toBe(500)
    expect(waitUntil).toHaveBeenCalledTimes(1)
    const kept = waitUntil.mock.calls[0]?.[0] as Promise<unknown>
    finish()
    await expect(kept).resolves.toBeUndefined()
  })

  it('runs an async reporter without an ExecutionContext (Node, Bun, Deno)', async () => {
    const onError = vi.fn(async () => {
      throw new Error('tracker is down')
    })
    const res = await makeApp({ onError }).request('/crash')
    expect(res.status).toBe(500)
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

// workerd closes (or, for a cancelled body, resets) a keep-alive connection whose request body
// was not read to its end; the client's next request on it fails. See core's drainBody.
describe('an unread request body', () => {
  function upload(path: string, size = 32 * 1024) {
    const state = { ended: false }
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) {
          state.ended = true
          return controller.close()
        }
        sent += 1024
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const request = new Request(`http://localhost${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    return { request, state }
  }

  it('is drained before the error answer, by errorHandler, errorBoundary and notFoundHandler', async () => {
    const app = new Hono()
    app.use(errorBoundary({ catalog: errors }))
    app.onError(errorHandler({ catalog: errors }))
    app.notFound(notFoundHandler({ catalog: errors }))
    app.post('/posts', bearerAuth({ token: 'secret' }))
    app.post('/posts', (c) => c.json({}))
    app.post('/odd', () => {
      throw 'a string'
    })
    for (const [path, status] of [
      ['/posts', 401],
      ['/odd', 500],
      ['/nowhere', 404],
    ] as const) {
      const { request, state } = upload(path)
      expect((await app.request(request)).status).toBe(status)
      expect(state.ended).toBe(true)
    }
  })

  it('is not waited for when there is no body: the answer stays synchronous', async () => {
    let answer: unknown
    const app = new Hono()
    const handler = errorHandler({ catalog: errors })
    app.onError((error, c) => {
      answer = handler(error, c)
      return answer as Response
    })
    app.get('/posts', () => {
      throw errors.create('CONFLICT')
    })
    expect((await app.request('/posts')).status).toBe(409)
    expect(answer).toBeInstanceOf(Response)
  })
})
