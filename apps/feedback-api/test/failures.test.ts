import { exports } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, quietReporter, rowCounts } from './expect'
import { read, send, surfaces } from './surfaces'

const reporter = quietReporter()

describe.each(surfaces)('webhook test on %s', (surface) => {
  it('answers 402 REQUEST_FAILED when the URL is valid but cannot be reached', async () => {
    // workerd's own rejection for a refused connection, mocked: a real one prints a stack.
    const real = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
      String(input) === 'http://127.0.0.1:9/feedback'
        ? Promise.reject(new Error('Network connection lost.'))
        : real(input, init),
    )
    const { status, body } = await send(surface, {
      op: 'webhook',
      url: 'http://127.0.0.1:9/feedback',
    })
    expect(status).toBe(402)
    expect(body).toEqual(
      errorBody('REQUEST_FAILED', 'Webhook delivery failed: the URL could not be reached'),
    )
  })

  it('answers 402 REQUEST_FAILED when the endpoint answers with an error', async () => {
    // Sent for real through workerd; the test pool's outbound service answers 502.
    const { status, body } = await send(surface, {
      op: 'webhook',
      url: 'https://hooks.example.com/feedback',
    })
    expect(status).toBe(402)
    expect(body).toEqual(
      errorBody('REQUEST_FAILED', 'Webhook delivery failed: the URL answered 502'),
    )
  })

  it('answers 400 VALIDATION_ERROR to an invalid URL, without sending anything', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    const { status, body } = await send(surface, { op: 'webhook', url: 'ftp://example.com' })
    expect(status).toBe(400)
    expect(body).toEqual(
      errorBody('VALIDATION_ERROR', 'Validation failed', {
        errors: [{ code: 'invalid_format', message: 'Invalid URL', path: '/url' }],
      }),
    )
    expect(fetch).not.toHaveBeenCalled()
  })

  it('answers 200 when the endpoint takes the event', async () => {
    const real = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
      String(input) === 'https://hooks.example.com/ok'
        ? Promise.resolve(new Response(null, { status: 204 }))
        : real(input, init),
    )
    expect(
      await send(surface, { op: 'webhook', url: 'https://hooks.example.com/ok' }),
    ).toMatchObject({
      status: 200,
      body: { delivered: true, status: 204 },
    })
  })

  it('answers 401 UNAUTHORIZED without a key', async () => {
    const { status } = await send(surface, { op: 'webhook', url: 'https://example.com' }, null)
    expect(status).toBe(401)
  })
})

describe.each(surfaces)('upstream failures on %s', (surface) => {
  it('answers 500 SERVER_ERROR without the secret, and reports the original error', async () => {
    const before = await rowCounts()
    const { status, body, text } = await send(surface, { op: 'fail', status: 500 }, null)
    expect(status).toBe(500)
    expect(body).toEqual(errorBody('SERVER_ERROR', 'Something went wrong on our end'))
    expect(text).not.toMatch(/hunter2|postgres|stack|demo\.ts/)
    // the original error is reported (one structured line), its password scrubbed
    expect(reporter()).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'SERVER_ERROR',
        status: 500,
        error: expect.objectContaining({
          message: expect.stringContaining('postgres://[redacted]@'),
        }),
      }),
    )
    expect(JSON.stringify(reporter().mock.calls)).not.toContain('hunter2')
    expect(await rowCounts()).toEqual(before)
  })

  it.each([
    [502, 'BAD_GATEWAY', 'Bad gateway', null],
    [503, 'SERVICE_UNAVAILABLE', 'Service unavailable', '30'],
    [504, 'GATEWAY_TIMEOUT', 'Gateway timeout', null],
  ])('answers %i %s with the catalog message', async (code, name, message, retryAfter) => {
    const { status, headers, body, text } = await send(surface, { op: 'fail', status: code }, null)
    expect(status).toBe(code)
    expect(body).toEqual(errorBody(name, message))
    expect(headers.get('retry-after')).toBe(retryAfter)
    expect(text).not.toContain('search service')
  })
})

describe('unknown paths', () => {
  it.each([
    ['hono', '/api/v1/nope'],
    ['fetch', '/fetch/v1/nope'],
    ['trpc', '/trpc/nope.nope'],
    ['fetch', '/nope'],
    ['hono', '/api/v1/_demo/fail/418'],
    ['fetch', '/fetch/v1/_demo/fail/418'],
  ] as const)('answers 404 NOT_FOUND on %s for %s', async (surface, path) => {
    const response = await exports.default.fetch(
      new Request(`http://localhost${path}`, { headers: { 'x-request-id': 'req-test' } }),
    )
    const { status, body } = await read(surface, response)
    expect(status).toBe(404)
    expect(body).toEqual(errorBody('NOT_FOUND', 'Not found'))
  })

  it.each([
    ['hono', 'PUT', '/api/v1/posts', 'GET, HEAD, POST'],
    ['fetch', 'PUT', '/fetch/v1/posts', 'GET, HEAD, POST'],
    ['hono', 'GET', '/api/v1/posts/x/votes', 'POST, DELETE'],
    ['fetch', 'GET', '/fetch/v1/posts/x/votes', 'POST, DELETE'],
    ['trpc', 'GET', '/trpc/post.create', 'POST'],
  ] as const)(
    'answers 405 METHOD_NOT_ALLOWED on %s to %s %s',
    async (surface, method, path, allow) => {
      const response = await exports.default.fetch(
        new Request(`http://localhost${path}`, { method, headers: { 'x-request-id': 'req-test' } }),
      )
      const { status, headers, body } = await read(surface, response)
      expect(status).toBe(405)
      expect(headers.get('allow')).toBe(allow)
      expect(body).toEqual(errorBody('METHOD_NOT_ALLOWED', 'Method not allowed'))
    },
  )
})

describe.each(['hono', 'fetch'] as const)('Problem Details on %s', (surface) => {
  it('sends a redacted 500 as application/problem+json when asked for it', async () => {
    const base = surface === 'hono' ? '/api/v1' : '/fetch/v1'
    const response = await exports.default.fetch(
      new Request(`http://localhost${base}/_demo/fail/500`, {
        headers: { accept: 'application/problem+json', 'x-request-id': 'req-test' },
      }),
    )
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our end',
      instance: `${base}/_demo/fail/500`,
      code: 'SERVER_ERROR',
      requestId: 'req-test',
    })
  })
})
