import { type ErrorReporter, requestIdOf } from '@faultline/core'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { describe, expect, it, vi } from 'vitest'
import { errorBoundary, errorHandler, notFoundHandler } from './handler'

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/

function makeApp(options: {
  requestId?: boolean
  honoRequestId?: boolean
  onError?: ErrorReporter
}) {
  const app = new Hono()
  app.use(errorBoundary(options))
  if (options.honoRequestId) app.use(requestId({ generator: () => 'hono_generated=1' }))
  app.onError(errorHandler(options))
  app.notFound(notFoundHandler(options))
  app.get('/crash', () => {
    throw new Error('boom')
  })
  app.get('/string', () => {
    throw 'boom'
  })
  return app
}

describe('request id', () => {
  it("reuses hono/request-id's c.get('requestId') in the header and the body", async () => {
    const app = makeApp({ requestId: true, honoRequestId: true })
    for (const path of ['/crash', '/string', '/nope']) {
      const res = await app.request(path)
      expect(res.headers.get('x-request-id')).toBe('hono_generated=1')
      expect(await res.json()).toMatchObject({ requestId: 'hono_generated=1' })
    }
  })

  it('fixes the id once per request, so a layer around the app sees the id the client got', async () => {
    const app = makeApp({ requestId: true, honoRequestId: true })
    const request = new Request('http://localhost/crash')
    const res = await app.fetch(request)
    expect(requestIdOf(request)).toBe('hono_generated=1')
    expect(res.headers.get('x-request-id')).toBe('hono_generated=1')
  })

  it('reuses the id hono/request-id accepted from the caller', async () => {
    const res = await makeApp({ requestId: true, honoRequestId: true }).request('/crash', {
      headers: { 'x-request-id': 'edge-abc-123' },
    })
    expect(res.headers.get('x-request-id')).toBe('edge-abc-123')
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
      requestId: 'edge-abc-123',
    })
  })

  it('sends no request id by default', async () => {
    const res = await makeApp({}).request('/crash', { headers: { 'x-request-id': 'req_42' } })
    expect(res.headers.has('x-request-id')).toBe(false)
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
  })

  it("keeps hono/request-id's own header when correlation is off, but not in the body", async () => {
    const res = await makeApp({ honoRequestId: true }).request('/crash')
    expect(res.headers.get('x-request-id')).toBe('hono_generated=1')
    expect(await res.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
  })

  it('tells the reporting hook the request id the client got', async () => {
    const onError = vi.fn<ErrorReporter>()
    const res = await makeApp({ requestId: true, onError }).request('/string')
    expect(onError.mock.calls[0]?.[1].requestId).toBe(res.headers.get('x-request-id'))
    expect(res.headers.get('x-request-id')).toMatch(UUID)
  })
})
