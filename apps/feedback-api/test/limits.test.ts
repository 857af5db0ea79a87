import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../src/index'
import { MAX_BATCH_SIZE } from '../src/surfaces/trpc'
import { errorBody, rowCounts } from './expect'
import { type Key, read, requestFor, send, surfaces } from './surfaces'

afterEach(() => {
  vi.useRealTimers()
})

// 64 KiB exactly, as JSON: {"title":"x","description":"…"}
const atLimit = JSON.stringify({ title: 'x', description: 'd'.repeat(64 * 1024 - 30) })

describe.each(surfaces)('body limits on %s', (surface) => {
  it('answers 413 PAYLOAD_TOO_LARGE over 64 KiB, writing nothing', async () => {
    const before = await rowCounts()
    const { status, body } = await send(surface, { op: 'create', body: null, raw: `${atLimit} ` })
    expect(status).toBe(413)
    expect(body).toEqual(
      errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than the limit of 65536 bytes'),
    )
    expect(await rowCounts()).toEqual(before)
  })

  it('reads a body of exactly 64 KiB (then rejects the long description)', async () => {
    expect(new TextEncoder().encode(atLimit).length).toBe(64 * 1024)
    const { status, body } = await send(surface, { op: 'create', body: null, raw: atLimit })
    expect(status).toBe(400)
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ path: '/description' }] })
  })

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    const { status, body } = await send(surface, {
      op: 'create',
      body: null,
      raw: 'title=x',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(status).toBe(415)
    expect(body).toEqual(
      errorBody(
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be JSON (application/json or a +json type) in UTF-8',
      ),
    )
  })
})

describe.each(surfaces.map((surface, i) => [surface, i] as const))(
  'write rate limit on %s',
  (surface, i) => {
    it('answers 429 TOO_MANY_REQUESTS with Retry-After once the key has used its writes', async () => {
      // A minute of its own for each surface, 15 seconds before the window ends.
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(Date.UTC(2026, 2, 1, 12, i, 45))
      const create = { op: 'create', body: { title: 'Limited' } } as const
      for (let n = 0; n < 3; n++) {
        expect((await send(surface, create, 'lc_test_limited')).status).toBeLessThan(300)
      }
      const before = await rowCounts()
      const { status, headers, body } = await send(surface, create, 'lc_test_limited')
      expect(status).toBe(429)
      expect(headers.get('retry-after')).toBe('15')
      expect(body).toEqual(
        errorBody('TOO_MANY_REQUESTS', 'This API key may make 3 writes a minute'),
      )
      expect(await rowCounts()).toEqual(before)
    })
  },
)

describe('WRITE_RATE_LIMIT_PER_MINUTE', () => {
  const write = async (limit: string | undefined, key: Key, minute: number) => {
    vi.setSystemTime(Date.UTC(2026, 2, 2, 12, minute, 0))
    const ctx = createExecutionContext()
    const request = requestFor('hono', { op: 'create', body: { title: 'x' } }, key, 'req-test')
    const response = await worker.fetch(
      request,
      { ...env, WRITE_RATE_LIMIT_PER_MINUTE: limit as string },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    return read('hono', response)
  }

  it('sets the writes a minute per key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    expect((await write('2', 'lc_test_admin', 0)).status).toBe(201)
    expect((await write('2', 'lc_test_admin', 0)).status).toBe(201)
    expect(await write('2', 'lc_test_admin', 0)).toMatchObject({
      status: 429,
      body: { message: 'This API key may make 2 writes a minute' },
    })
  })

  it('defaults to 30 writes a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let n = 0; n < 30; n++)
      expect((await write(undefined, 'lc_test_admin', 1)).status).toBe(201)
    expect((await write(undefined, 'lc_test_admin', 1)).status).toBe(429)
  })

  it('counts only writes whose input was valid', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2026, 2, 2, 12, 2, 0))
    for (let n = 0; n < 5; n++) {
      expect((await send('fetch', { op: 'create', body: {} }, 'lc_test_limited')).status).toBe(400)
    }
    expect(
      (await send('fetch', { op: 'create', body: { title: 'x' } }, 'lc_test_limited')).status,
    ).toBe(201)
  })
})

describe('tRPC batch limit', () => {
  const batch = (calls: number) =>
    exports.default.fetch(
      new Request(
        `http://localhost/trpc/${Array(calls).fill('post.list').join(',')}?batch=1&input={}`,
      ),
    )

  it(`answers a batch over ${MAX_BATCH_SIZE} calls with one catalog 400, running none`, async () => {
    const response = await batch(MAX_BATCH_SIZE + 1)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { data: { error: unknown } } }
    expect(body.error.data.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: `A batch may hold at most ${MAX_BATCH_SIZE} calls`,
    })
  })

  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const response = await batch(MAX_BATCH_SIZE)
    expect(response.status).toBe(200)
    expect(((await response.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE)
  })
})
