import { exports } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestFor, surfaces } from './surfaces'

// Everything the Worker writes to the console while a test runs, one entry per call.
let calls: { method: string; args: unknown[] }[] = []
beforeEach(() => {
  calls = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push({ method, args })
    })
  }
})
afterEach(() => {
  vi.restoreAllMocks()
})

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))
const linesWith = (needle: string) =>
  calls.filter((call) => call.args.some((arg) => text(arg).includes(needle)))

// A password in a header the log reports, and in the referer's URL
const secretHeaders = {
  authorization: 'Bearer hunter2',
  referer: 'https://admin:hunter2@dashboard.example.com/posts',
}

describe('the demo log', () => {
  it('has one line for a 500, with the request id, code and status, and no password', async () => {
    const response = await exports.default.fetch(
      new Request('http://localhost/api/v1/_demo/fail/500', {
        headers: { 'x-request-id': 'trace-me-123', ...secretHeaders },
      }),
    )
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ requestId: 'trace-me-123' })

    const lines = linesWith('trace-me-123')
    expect(lines).toHaveLength(1)
    expect(calls).toHaveLength(1)
    const [line] = lines
    expect(line?.method).toBe('error')
    expect(line?.args).toHaveLength(1)
    expect(line?.args[0]).toMatchObject({
      level: 'error',
      service: 'feedback-api',
      code: 'SERVER_ERROR',
      status: 500,
      requestId: 'trace-me-123',
      method: 'GET',
      path: '/api/v1/_demo/fail/500',
      error: {
        name: 'Error',
        message: 'Connection to postgres://[redacted]@10.0.0.5/feedback refused',
      },
      headers: {
        authorization: '[redacted]',
        referer: 'https://[redacted]@dashboard.example.com/posts',
      },
    })
    expect(JSON.stringify(calls)).not.toContain('hunter2')
  })

  it.each(surfaces)('logs one line per 5xx on %s, with its request id', async (surface) => {
    const request = requestFor(surface, { op: 'fail', status: 503 }, null, `trace-${surface}`)
    const response = await exports.default.fetch(request)
    expect(response.status).toBe(503)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.args).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'SERVICE_UNAVAILABLE',
        status: 503,
        requestId: `trace-${surface}`,
        method: 'GET',
        path: surface === 'trpc' ? '/trpc/demo.fail' : expect.stringMatching(/\/_demo\/fail\/503$/),
        ...(surface === 'trpc' ? { procedure: 'demo.fail' } : {}),
        error: expect.objectContaining({
          message: 'The search service is down for maintenance',
          cause: expect.objectContaining({ name: 'Response', message: 'status 503' }),
        }),
      }),
    ])
  })

  it.each(surfaces)('logs a 402 on %s as a warning with its cause', async (surface) => {
    const request = requestFor(
      surface,
      { op: 'webhook', url: 'https://hooks.example.invalid/feedback' },
      'lc_test_admin',
      `hook-${surface}`,
    )
    const response = await exports.default.fetch(request)
    expect(response.status).toBe(402)
    expect(calls.map((call) => call.method)).toEqual(['warn'])
    const [record] = calls[0]?.args ?? []
    expect(record).toMatchObject({
      level: 'warn',
      code: 'REQUEST_FAILED',
      status: 402,
      requestId: `hook-${surface}`,
      error: { message: 'Webhook delivery failed: the URL answered 502' },
    })
    // what the endpoint answered (test pool's outbound service: 502) is the cause on the line
    expect((record as { error: { cause?: unknown } }).error.cause).toMatchObject({
      name: 'Error',
      message: expect.stringMatching(/^The endpoint answered 502/),
    })
    // the API key the call was made with is scrubbed from the line
    expect(JSON.stringify(calls)).not.toContain('lc_test_admin')
  })

  it.each(surfaces)('logs nothing for a client error on %s', async (surface) => {
    const request = requestFor(surface, { op: 'get', postId: 'missing' }, 'lc_test_admin', 'r-404')
    const response = await exports.default.fetch(request)
    expect(response.status).toBe(404)
    expect(calls).toEqual([])
  })
})
