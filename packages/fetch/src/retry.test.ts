import { errors } from '@faultline/test-catalog'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withErrors } from './handler'
import { retryingFetch } from './retry'

afterEach(() => {
  vi.useRealTimers()
})

// A server made with withErrors that answers from a script, one step per request, and keeps
// what each request carried.
function server(steps: ((request: Request) => Response | Promise<Response>)[]) {
  const seen: { key: string | null; body: string }[] = []
  const handler = withErrors(
    async (request: Request) => {
      seen.push({ key: request.headers.get('idempotency-key'), body: await request.text() })
      const step = steps[Math.min(seen.length, steps.length) - 1]
      if (!step) throw new Error('no step')
      return step(request)
    },
    { catalog: errors },
  )
  return { fetch: handler, seen }
}
const ok = () => Response.json({ id: 'p_1' }, { status: 201 })
const fail =
  (code: 'SERVICE_UNAVAILABLE' | 'POST_NOT_FOUND' | 'VOTE_EXISTS', retryAfter?: number) => () => {
    throw errors.create(
      code as 'SERVICE_UNAVAILABLE',
      { retryAfter, data: { postId: '7' } } as never,
    )
  }

describe('retryingFetch', () => {
  it('waits out a 503 Retry-After, then returns the success', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const { fetch, seen } = server([fail('SERVICE_UNAVAILABLE', 1), ok])
    const onRetry = vi.fn()
    const call = retryingFetch({ catalog: errors, fetch, onRetry, random: () => 0 })(
      'http://x/api/posts',
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(seen).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect((await call).status).toBe(201)
    expect(seen).toHaveLength(2)
    expect(onRetry).toHaveBeenCalledWith({
      error: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      attempt: 1,
      delayMs: 1000,
    })
  })

  it('never retries a 404 or a 409, and throws the typed error', async () => {
    for (const code of ['POST_NOT_FOUND', 'VOTE_EXISTS'] as const) {
      const { fetch, seen } = server([fail(code), ok])
      const error = await retryingFetch({ catalog: errors, fetch })('http://x/api/posts').catch(
        (e) => e,
      )
      expect([errors.is(error, code), seen.length]).toEqual([true, 1])
    }
  })

  it('sends one Idempotency-Key and the same body on every attempt of a POST', async () => {
    const { fetch, seen } = server([fail('SERVICE_UNAVAILABLE'), fail('SERVICE_UNAVAILABLE'), ok])
    const api = retryingFetch({ catalog: errors, fetch, baseMs: 1, maxAttempts: 3 })
    await api('http://x/api/posts', { method: 'POST', body: '{"title":"t"}' })
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill('{"title":"t"}'))
    expect(new Set(seen.map((s) => s.key)).size).toBe(1)
    expect(seen[0]?.key).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("keeps the caller's Idempotency-Key, and adds none to a GET", async () => {
    const given = server([ok])
    await retryingFetch({ fetch: given.fetch })('http://x/api/posts', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'mine' },
      body: '{}',
    })
    const get = server([ok])
    await retryingFetch({ fetch: get.fetch })('http://x/api/posts')
    expect([given.seen[0]?.key, get.seen[0]?.key]).toEqual(['mine', null])
  })

  it('retries a network failure, and gives up after maxAttempts with the last error', async () => {
    let calls = 0
    const down = async () => {
      calls++
      throw new TypeError('fetch failed')
    }
    const api = retryingFetch({ fetch: down, baseMs: 1, maxAttempts: 4 })
    await expect(api('http://x/')).rejects.toThrow('fetch failed')
    expect(calls).toBe(4)
  })

  it('aborts a wait when the overall timeout passes, with a TimeoutError', async () => {
    const { fetch, seen } = server([fail('SERVICE_UNAVAILABLE', 5), ok])
    const api = retryingFetch({ catalog: errors, fetch, timeoutMs: 50 })
    const error = await api('http://x/api/posts').catch((e) => e)
    expect([error.name, seen.length]).toEqual(['TimeoutError', 1])
  })

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController()
    const { fetch } = server([fail('SERVICE_UNAVAILABLE', 5), ok])
    const call = retryingFetch({ catalog: errors, fetch })('http://x/', {
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 10)
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })
})
