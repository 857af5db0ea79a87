import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../src/index'
import { MAX_BATCH_SIZE } from '../src/surfaces/trpc'
import { errorBody, quietReporter, rowCounts, seedPost } from './expect'
import {
  type Answer,
  type Call,
  type Key,
  read,
  requestFor,
  type Surface,
  send,
  surfaces,
} from './surfaces'

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

/** Sends a call to the Worker with other bindings, the way the runtime would pass them. */
async function sendWith(
  surface: Surface,
  call: Call,
  overrides: Partial<Env>,
  key: Key = 'lc_test_admin',
): Promise<Answer> {
  const ctx = createExecutionContext()
  const response = await worker.fetch(
    requestFor(surface, call, key, 'req-test'),
    { ...env, ...overrides },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return read(surface, response)
}

const create = { op: 'create', body: { title: 'x' } } as const

describe('WRITE_RATE_LIMIT_PER_MINUTE', () => {
  const write = async (limit: string | undefined, key: Key, minute: number) => {
    vi.setSystemTime(Date.UTC(2026, 2, 2, 12, minute, 0))
    return sendWith('hono', create, { WRITE_RATE_LIMIT_PER_MINUTE: limit as string }, key)
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

// D1 that fails every insert of a post, as a full or unreachable database would.
const failingPostInserts = new Proxy(env.DB, {
  get(db, property) {
    if (property === 'prepare') {
      return (query: string) => {
        if (!/INSERT INTO posts/.test(query)) return db.prepare(query)
        const statement = {
          bind: () => statement,
          run: () => Promise.reject(new Error('D1_ERROR: no such table: posts')),
        }
        return statement
      }
    }
    const value = Reflect.get(db, property, db)
    return typeof value === 'function' ? value.bind(db) : value
  },
})

describe.each(surfaces.map((surface, i) => [surface, i] as const))(
  'the write limit on %s',
  (surface, i) => {
    const reporter = quietReporter()
    const minute = (n: number) => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(Date.UTC(2026, 2, 3, 12, 10 * i + n, 45))
    }

    it('lets exactly 20 of 60 racing writes through and answers 429 with Retry-After to 40', async () => {
      minute(0)
      const before = await rowCounts()
      const answers = await Promise.all(
        Array.from({ length: 60 }, () =>
          sendWith(surface, create, { WRITE_RATE_LIMIT_PER_MINUTE: '20' }),
        ),
      )
      const statuses = answers.map((a) => a.status)
      expect(statuses.filter((s) => s < 300)).toHaveLength(20)
      const refused = answers.filter((a) => a.status === 429)
      expect(refused).toHaveLength(40)
      for (const { headers, body } of refused) {
        expect(headers.get('retry-after')).toBe('15')
        expect(body).toEqual(
          errorBody('TOO_MANY_REQUESTS', 'This API key may make 20 writes a minute'),
        )
      }
      expect((await rowCounts()).posts).toBe((before.posts ?? 0) + 20)
    })

    it('does not count a write that fails in D1', async () => {
      minute(1)
      const limits = { WRITE_RATE_LIMIT_PER_MINUTE: '2' }
      for (let n = 0; n < 3; n++) {
        const failed = await sendWith(surface, create, { ...limits, DB: failingPostInserts })
        expect(failed.status).toBe(500)
      }
      expect(reporter()).toHaveBeenCalledTimes(3)
      expect((await sendWith(surface, create, limits)).status).toBeLessThan(300)
      expect((await sendWith(surface, create, limits)).status).toBeLessThan(300)
      expect((await sendWith(surface, create, limits)).status).toBe(429)
    })

    it('does not count a write the service refuses (409, 404)', async () => {
      minute(2)
      const limits = { WRITE_RATE_LIMIT_PER_MINUTE: '2' }
      const postId = await seedPost()
      expect((await sendWith(surface, { op: 'vote', postId }, limits)).status).toBeLessThan(300)
      for (let n = 0; n < 3; n++) {
        expect((await sendWith(surface, { op: 'vote', postId }, limits)).status).toBe(409)
        expect((await sendWith(surface, { op: 'vote', postId: 'missing' }, limits)).status).toBe(
          404,
        )
      }
      expect((await sendWith(surface, create, limits)).status).toBeLessThan(300)
      expect((await sendWith(surface, create, limits)).status).toBe(429)
    })

    it('counts a webhook delivery that fails: the request went out', async () => {
      minute(3)
      const limits = { WRITE_RATE_LIMIT_PER_MINUTE: '1' }
      vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Network connection lost'))
      const webhook = { op: 'webhook', url: 'https://hooks.example.com/feedback' } as const
      expect((await sendWith(surface, webhook, limits)).status).toBe(402)
      expect((await sendWith(surface, webhook, limits)).status).toBe(429)
    })
  },
)

describe('D1', () => {
  it('holds no rate-limit rows: the table is gone', async () => {
    const table = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'rate_limits'",
    ).first()
    expect(table).toBeNull()
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

describe('the hourly cron', () => {
  it('deletes idempotency records older than 24 hours', async () => {
    await env.DB.prepare(
      `INSERT INTO idempotency_keys
         (api_key_id, idempotency_key, post_id, request_hash, response, created_at)
       VALUES ('key_admin', 'cron-old', 'p1', 'h', '{}', ?),
              ('key_admin', 'cron-new', 'p2', 'h', '{}', ?)`,
    )
      .bind(new Date(Date.now() - 25 * 3600_000).toISOString(), new Date().toISOString())
      .run()
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ cron: '17 * * * *' }), env)
    await waitOnExecutionContext(ctx)
    const { results } = await env.DB.prepare(
      "SELECT idempotency_key FROM idempotency_keys WHERE idempotency_key LIKE 'cron-%'",
    ).all()
    expect(results).toEqual([{ idempotency_key: 'cron-new' }])
  })
})

describe.each(surfaces)('what a write asks of D1 on %s', (surface) => {
  // Every call the Worker makes to D1, by kind: `first`/`all`/`run` of a statement, or `batch`.
  const recording = () => {
    const calls: string[] = []
    const statement = (inner: D1PreparedStatement, query: string): D1PreparedStatement =>
      new Proxy(inner, {
        get(target, property) {
          const value = Reflect.get(target, property, target)
          if (property === 'bind') {
            return (...args: unknown[]) => statement(value.apply(target, args), query)
          }
          if (property === 'first' || property === 'all' || property === 'run') {
            return (...args: unknown[]) => {
              calls.push(`${String(property)} ${query.trim().split(/\s+/).slice(0, 3).join(' ')}`)
              return value.apply(target, args)
            }
          }
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    const db = new Proxy(env.DB, {
      get(target, property) {
        if (property === 'prepare') {
          return (query: string) => statement(target.prepare(query), query)
        }
        if (property === 'batch') {
          return (statements: D1PreparedStatement[]) => {
            calls.push(`batch of ${statements.length}`)
            return target.batch(statements)
          }
        }
        const value = Reflect.get(target, property, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    return { calls, db }
  }

  it('reads the key once and writes once: no rate-limit row', async () => {
    const { calls, db } = recording()
    expect((await sendWith(surface, create, { DB: db })).status).toBeLessThan(300)
    expect(calls).toEqual(['first SELECT id, scope,', 'run INSERT INTO posts'])
  })

  it('reads the key once and writes one batch for a create with an idempotency key', async () => {
    const { calls, db } = recording()
    const keyed = { ...create, idempotencyKey: `calls-${surface}` }
    expect((await sendWith(surface, keyed, { DB: db })).status).toBeLessThan(300)
    expect(calls).toEqual(['first SELECT id, scope,', 'batch of 4'])
  })
})
