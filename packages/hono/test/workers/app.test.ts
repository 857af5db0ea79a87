import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { reports } from './worker'

const origin = 'https://feedback.example'
const get = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${origin}${path}`, { headers })

const reportsOf = (path: string) =>
  reports.filter(({ context }) => context.request?.url === `${origin}${path}`)

describe('in workerd', () => {
  it('runs inside the Workers runtime, not Node', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers')
  })

  it('answers a thrown catalog error with its body, data and request id', async () => {
    const res = await get('/posts/7', { 'x-request-id': 'req_abc' })
    expect(res.status).toBe(404)
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
      'x-request-id': 'req_abc',
    })
    expect(await res.json()).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '7' },
      requestId: 'req_abc',
    })
  })

  it.each([
    ['a thrown string', '/throw/string'],
    ['a thrown null', '/throw/null'],
  ])('answers %s with the catalog 500, through errorBoundary', async (_, path) => {
    const res = await get(path)
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[\da-f-]{36}$/)
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
      requestId: id,
    })
  })

  // Without errorBoundary the string escapes app.fetch: workerd logs an uncaught exception and
  // the client gets Cloudflare's error page (1101), here a rejected SELF.fetch.
  it('lets a thrown string escape the Worker when there is no errorBoundary', async () => {
    await expect(get('/bare/string')).rejects.toThrow('boom')
  })

  it('hides the message of a 500 and hands the reporter to waitUntil', async () => {
    const res = await get('/crash')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('hunter2')
    expect(JSON.parse(text)).toMatchObject({ code: 'SERVER_ERROR' })
    await expect.poll(() => reportsOf('/crash').length).toBe(1)
    const [report] = reportsOf('/crash')
    expect(report?.context.expected).toBe(false)
    expect(report?.thrown).toEqual(new Error('connect ECONNREFUSED postgres://admin:hunter2@db'))
  })

  it('waits for the async reporter through the ExecutionContext', async () => {
    const seen: boolean[] = []
    const app = createApp(async (_, { expected }) => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      seen.push(expected)
    })
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin}/crash`), env, ctx)
    expect(res.status).toBe(500)
    expect(seen).toEqual([])
    await waitOnExecutionContext(ctx)
    expect(seen).toEqual([false])
  })

  it('maps an HTTPException(401) to UNAUTHORIZED', async () => {
    const res = await get('/http/401')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'UNAUTHORIZED', message: 'Unauthorized' })
  })

  it('keeps the status and WWW-Authenticate of an HTTPException res, with the catalog body', async () => {
    const res = await get('/http/res')
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="feedback"')
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toMatchObject({ code: 'UNAUTHORIZED', message: 'Unauthorized' })
  })

  it('answers hono/bearer-auth with the catalog 401 and lets the env token in', async () => {
    const denied = await get('/admin/stats', { authorization: 'Bearer dev-token' })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await denied.json()).toMatchObject({ code: 'UNAUTHORIZED' })
    const allowed = await get('/admin/stats', { authorization: `Bearer ${env.API_TOKEN}` })
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toEqual({ posts: 1 })
  })

  it('answers a validator failure with VALIDATION_ERROR and JSON Pointers', async () => {
    const res = await SELF.fetch(`${origin}/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'no', body: 42 }),
    })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        { code: 'too_small', path: '/title' },
        { code: 'invalid_type', path: '/body' },
      ],
    })
  })

  it('answers an unknown route under a mounted sub-app with the catalog 404', async () => {
    const res = await get('/posts/1/comments')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Not found' })
  })

  it('sends Retry-After with a 429', async () => {
    const res = await get('/search?q=burst')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
  })

  it('answers with Problem Details when Accept prefers them', async () => {
    const res = await get('/posts/7', {
      accept: 'application/problem+json',
      'x-request-id': 'req_pd',
    })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('vary')).toBe('accept')
    expect(await res.json()).toEqual({
      type: 'about:blank',
      title: 'Post not found',
      status: 404,
      detail: 'Post not found',
      instance: '/posts/7',
      code: 'POST_NOT_FOUND',
      data: { postId: '7' },
      requestId: 'req_pd',
    })
  })
})
