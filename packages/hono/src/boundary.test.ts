import { type ErrorReporter, isApiError } from '@faultline/core'
import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { errorBoundary, errorHandler } from './handler'
import type { ErrorHandlerOptions } from './render'

const serverError = { code: 'SERVER_ERROR', message: 'Something went wrong on our end' }

function throwing(value: () => unknown, options: ErrorHandlerOptions = {}) {
  const app = new Hono()
  app.use(errorBoundary(options))
  app.onError(errorHandler(options))
  app.get('/', () => {
    throw value()
  })
  app.get('/async', async () => Promise.reject(value()))
  app.use('/middleware/*', async () => {
    throw value()
  })
  app.get('/middleware/x', (c) => c.text('unreachable'))
  return app
}

describe('errorBoundary', () => {
  // Which values become a 500 is core's normalisation; the boundary's part is to catch them.
  it('answers a thrown non-Error (undefined) with the catalog 500', async () => {
    const res = await throwing(() => undefined).request('/')
    expect(res.status).toBe(500)
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
    })
    expect(await res.text()).toBe(JSON.stringify(serverError))
  })

  it('answers a promise rejected with a string', async () => {
    const res = await throwing(() => 'timeout').request('/async')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual(serverError)
  })

  it('answers a string thrown by a later middleware', async () => {
    const res = await throwing(() => 'no session').request('/middleware/x')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual(serverError)
  })

  it('reports the thrown value itself as unexpected', async () => {
    const onError = vi.fn<ErrorReporter>()
    await throwing(() => 'boom', { onError }).request('/')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toBe('boom')
    expect(onError.mock.calls[0]?.[1].expected).toBe(false)
    expect(isApiError(onError.mock.calls[0]?.[1].error, 'SERVER_ERROR')).toBe(true)
  })

  it('leaves Error instances to app.onError, which sees them first', async () => {
    const onError = vi.fn<ErrorReporter>()
    const app = new Hono()
    app.use(errorBoundary({ onError }))
    app.onError((error, c) => c.text(`onError: ${error.message}`, 418))
    app.get('/', () => {
      throw new Error('boom')
    })
    const res = await app.request('/')
    expect(res.status).toBe(418)
    expect(await res.text()).toBe('onError: boom')
    expect(onError).not.toHaveBeenCalled()
  })

  it('covers routes of sub-apps that have an onError of their own', async () => {
    const sub = new Hono()
    sub.onError(errorHandler())
    sub.get('/x', () => {
      throw 'from the sub-app'
    })
    const app = new Hono()
    app.use(errorBoundary())
    app.route('/sub', sub)
    const res = await app.request('/sub/x')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual(serverError)
  })
})

// What the boundary is for: Hono hands only `Error` instances to `onError` (honojs/hono#667,
// #1267, #2533). Without the boundary the thrown value escapes `app.fetch` as a rejection: the
// runtime answers with its own bare 500 (Workers, @hono/node-server) or the request hangs up.
// On Hono's fast path (one handler, no middleware) it is even thrown synchronously.
describe('without errorBoundary', () => {
  function bare() {
    const app = new Hono()
    app.onError(errorHandler())
    app.get('/', () => {
      throw 'boom'
    })
    app.use('/mw/*', async (_, next) => {
      await next()
    })
    app.get('/mw/x', async () => Promise.reject(null))
    return app
  }

  it('lets a string thrown by a lone handler escape app.fetch synchronously', () => {
    let escaped: unknown
    try {
      bare().request('/')
    } catch (thrown) {
      escaped = thrown
    }
    expect(escaped).toBe('boom')
  })

  it('lets a null rejection escape through middleware as well', async () => {
    await expect(bare().request('/mw/x')).rejects.toBeNull()
  })
})
