import { runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Principal } from './auth'
import { limitWrite, parseWriteLimit } from './rate-limit'
import type { WriteLimiter } from './write-limiter'

const key = (keyId: string, writeLimit: number | null = null): Principal => ({
  keyId,
  scope: 'write',
  writeLimit,
})
// 12:00:45 UTC: 15 seconds before the window ends.
const at = Date.parse('2026-03-01T12:00:45Z')
const ok = () => Promise.resolve('written')
const limiterOf = (keyId: string) =>
  env.WRITE_LIMITER.get(env.WRITE_LIMITER.idFromName(keyId)) as DurableObjectStub<WriteLimiter>
const used = (keyId: string, now: number) =>
  runInDurableObject(limiterOf(keyId), (limiter) => limiter.used(now))

describe('parseWriteLimit', () => {
  it.each([
    ['30', 30],
    ['5', 5],
    [undefined, 30],
    ['', 30],
    ['0', 30],
    ['-1', 30],
    ['2.5', 30],
    ['lots', 30],
  ])('reads %j as %i', (value, limit) => {
    expect(parseWriteLimit(value)).toBe(limit)
  })
})

describe('limitWrite', () => {
  const limit = (principal: Principal, defaultLimit: number, now: number, write = ok) =>
    limitWrite(env.WRITE_LIMITER, principal, defaultLimit, write, now)

  it('allows the limit, then answers 429 with the seconds left in the window', async () => {
    const principal = key('key_a')
    for (let i = 0; i < 3; i++) expect(await limit(principal, 3, at)).toBe('written')
    const error = await limit(principal, 3, at).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      status: 429,
      message: 'This API key may make 3 writes a minute',
      retryAfter: 15,
    })
  })

  it('does not run a refused write', async () => {
    const principal = key('key_b', 1)
    await limit(principal, 30, at)
    let ran = false
    const write = async () => {
      ran = true
      return 'written'
    }
    await expect(limit(principal, 30, at, write)).rejects.toMatchObject({ status: 429 })
    expect(ran).toBe(false)
  })

  it('starts again in the next window and keeps one window per key', async () => {
    const principal = key('key_c')
    for (let i = 0; i < 2; i++) await limit(principal, 2, at)
    await expect(limit(principal, 2, at)).rejects.toMatchObject({ status: 429 })
    await expect(limit(principal, 2, at + 60_000)).resolves.toBe('written')
    const windows = await runInDurableObject(limiterOf('key_c'), (_, state) =>
      state.storage.sql.exec('SELECT start FROM windows').toArray(),
    )
    expect(windows).toHaveLength(1)
  })

  it("prefers the key's own limit to the default", async () => {
    const principal = key('key_d', 1)
    await limit(principal, 30, at)
    await expect(limit(principal, 30, at)).rejects.toMatchObject({ status: 429 })
  })

  it('keeps keys apart', async () => {
    await limit(key('key_e', 1), 30, at)
    await expect(limit(key('key_f', 1), 30, at)).resolves.toBe('written')
  })

  it('gives the unit back when the write throws, and throws the write’s error', async () => {
    const principal = key('key_g', 1)
    const failure = new Error('D1_ERROR: database is locked')
    for (let i = 0; i < 3; i++) {
      await expect(limit(principal, 30, at, () => Promise.reject(failure))).rejects.toBe(failure)
    }
    expect(await used('key_g', at)).toBe(0)
    await expect(limit(principal, 30, at)).resolves.toBe('written')
    expect(await used('key_g', at)).toBe(1)
  })

  it('counts every one of 40 racing writes: exactly 30 get through', async () => {
    const principal = key('key_h')
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => limit(principal, 30, at + 120_000)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30)
    expect(await used('key_h', at + 120_000)).toBe(30)
  })

  it('lets a racing write through once a failed one gives its unit back, never more', async () => {
    const principal = key('key_i', 5)
    let n = 0
    // every other write fails: of 20 racing, the 5 units go only to writes that succeed
    const write = () => (n++ % 2 === 0 ? Promise.reject(new Error('fails')) : ok())
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => limit(principal, 30, at + 180_000, write)),
    )
    const written = results.filter((r) => r.status === 'fulfilled')
    expect(written.length).toBeLessThanOrEqual(5)
    expect(await used('key_i', at + 180_000)).toBe(written.length)
  })
})
