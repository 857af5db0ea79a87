// Bug (hono, render.ts): every HTTPException with a `res` whose status is not 400-599 is treated
// as a thrown redirect and answered with its own `getResponse()`. For a 2xx that sends the
// upstream body as a success (no catalog body, no onError call); for 204, 1xx, 600 or NaN,
// `getResponse()` throws, so errorHandler throws: without errorBoundary the request rejects
// (a crash on Node, error 1101 on Workers); with it, the 500 is rendered but onError is handed
// the RangeError instead of the HTTPException.
// Fix: pass through only an integer 300-399 (`exception && isRedirect(exception.status)`), and
// call getResponse() inside a try that falls back to handleError.
import { errorBoundary, errorHandler } from '@faultline/hono'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'

function app(status: number, boundary: boolean, reports: unknown[]) {
  const options = { onError: (thrown: unknown) => void reports.push(thrown) }
  const hono = new Hono()
  if (boundary) hono.use(errorBoundary(options))
  hono.onError(errorHandler(options))
  hono.get('/', () => {
    throw new HTTPException(status as 500, {
      res: new Response('upstream page', {
        status: 401,
        headers: { 'www-authenticate': 'Bearer' },
      }),
    })
  })
  return hono
}

describe('regression: hono-odd-status-exception', () => {
  it.each([Number.NaN, 99, 204, 600])(
    'answers an HTTPException(%s) with a res without errorBoundary',
    async (status) => {
      const reports: unknown[] = []
      const response = await app(status, false, reports).request('/')
      expect(response.status).toBe(500)
      expect(reports).toHaveLength(1)
    },
  )

  it('hands onError the HTTPException itself, not the RangeError of its getResponse()', async () => {
    const reports: unknown[] = []
    await app(600, true, reports).request('/')
    expect(reports).toHaveLength(1)
    expect(reports[0]).toBeInstanceOf(HTTPException)
  })

  it('does not send an HTTPException(200) as a success', async () => {
    const reports: unknown[] = []
    const response = await app(200, true, reports).request('/')
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(reports).toHaveLength(1)
  })
})
