import { defaultErrors, defineErrors, type ErrorReporter } from '@faultline/core'
import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { notFoundHandler } from './handler'

// Not the shared test catalog: its own wording of NOT_FOUND shows whose catalog answered.
const errors = defineErrors({
  ...defaultErrors,
  NOT_FOUND: { status: 404, message: 'No such endpoint' },
})

describe('notFoundHandler', () => {
  it('answers a path the app serves with other methods 405, with Allow', async () => {
    const app = new Hono().basePath('/api')
    app.get('/posts', (c) => c.json([]))
    app.post('/posts', (c) => c.json({}, 201))
    app.delete('/posts/:id/votes', (c) => c.body(null, 204))
    app.on('PURGE', '/posts/:id/votes', (c) => c.body(null, 204))
    app.notFound(notFoundHandler({ catalog: errors, app }))
    const put = await app.request('/api/posts', { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(await put.json()).toEqual({ code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed' })
    const options = await app.request('/api/posts/7/votes', { method: 'OPTIONS' })
    expect([options.status, options.headers.get('allow')]).toEqual([405, 'DELETE, PURGE'])
    const head = await app.request('/api/posts/7/votes', { method: 'HEAD' })
    expect([head.status, head.headers.get('allow'), head.body]).toEqual([
      405,
      'DELETE, PURGE',
      null,
    ])
  })

  it('keeps 404 for unknown paths, middleware-only paths, and handlers that fall through', async () => {
    const app = new Hono()
    app.use('*', async (_, next) => next())
    app.use('/admin/*', async (_, next) => next())
    app.get('/fail/:what', (c) => c.notFound())
    app.notFound(notFoundHandler({ catalog: errors, app }))
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/admin/x'],
      ['GET', '/fail/x'],
      ['HEAD', '/fail/x'],
    ]) {
      const res = await app.request(path as string, { method })
      expect([method, path, res.status, res.headers.get('allow')]).toEqual([
        method,
        path,
        404,
        null,
      ])
    }
  })

  it('answers an unknown route under a sub-app mounted with app.route()', async () => {
    const posts = new Hono().get('/:id', (c) => c.json({ id: c.req.param('id') }))
    const app = new Hono().route('/api/posts', posts)
    app.notFound(notFoundHandler({ catalog: errors }))
    const res = await app.request('/api/posts/7/comments')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: 'No such endpoint' })
  })

  // Hono copies only routes and onError into the parent (honojs/hono#3465, #4173).
  it("ignores a sub-app's own notFound: the parent's handler answers", async () => {
    const sub = new Hono()
    sub.notFound(notFoundHandler({ catalog: defineErrors(defaultErrors) }))
    sub.get('/x', (c) => c.text('x'))
    const app = new Hono().route('/sub', sub)
    app.notFound(notFoundHandler({ catalog: errors }))
    expect(await (await app.request('/sub/nope')).json()).toEqual({
      code: 'NOT_FOUND',
      message: 'No such endpoint',
    })
  })

  it("gives a sub-app a 404 of its own as its last route, sub.all('*')", async () => {
    const sub = new Hono()
    sub.get('/x', (c) => c.text('x'))
    sub.all('*', notFoundHandler({ requestId: true }))
    const app = new Hono().route('/sub', sub)
    app.notFound((c) => c.text('parent 404', 404))
    expect(await (await app.request('/sub/x')).text()).toBe('x')
    const res = await app.request('/sub/nope', { headers: { 'x-request-id': 'req_7' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('x-request-id')).toBe('req_7')
    expect(await res.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
      requestId: 'req_7',
    })
    expect(await (await app.request('/elsewhere')).text()).toBe('parent 404')
  })

  it('answers c.notFound() from a handler the same way', async () => {
    const app = new Hono()
    app.notFound(notFoundHandler({ catalog: errors }))
    app.get('/posts/:id', (c) => c.notFound())
    const res = await app.request('/posts/7')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: 'No such endpoint' })
  })

  it('reports the 404 as expected', async () => {
    const onError = vi.fn<ErrorReporter>()
    const app = new Hono()
    app.notFound(notFoundHandler({ onError }))
    await app.request('/nope')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[1].expected).toBe(true)
  })
})
