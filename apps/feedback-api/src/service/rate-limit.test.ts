import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Principal } from './auth'
import { consumeWrite, parseWriteLimit } from './rate-limit'

const key = (keyId: string, writeLimit: number | null = null): Principal => ({
  keyId,
  scope: 'write',
  writeLimit,
})
// 12:00:45 UTC: 15 seconds before the window ends.
const at = Date.parse('2026-03-01T12:00:45Z')

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

describe('consumeWrite', () => {
  it('allows the limit, then answers 429 with the seconds left in the window', async () => {
    const principal = key('key_admin')
    for (let i = 0; i < 3; i++) await consumeWrite(env.DB, principal, 3, at)
    const error = await consumeWrite(env.DB, principal, 3, at).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      status: 429,
      message: 'This API key may make 3 writes a minute',
      retryAfter: 15,
    })
  })

  it('starts again in the next window and drops the old one', async () => {
    const principal = key('key_readonly')
    for (let i = 0; i < 2; i++) await consumeWrite(env.DB, principal, 2, at)
    await expect(consumeWrite(env.DB, principal, 2, at)).rejects.toMatchObject({ status: 429 })
    await expect(consumeWrite(env.DB, principal, 2, at + 60_000)).resolves.toBeUndefined()
    const windows = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM rate_limits WHERE api_key_id = 'key_readonly'",
    ).first<number>('n')
    expect(windows).toBe(1)
  })

  it("prefers the key's own limit to the default", async () => {
    const principal = key('key_limited', 1)
    await consumeWrite(env.DB, principal, 30, at)
    await expect(consumeWrite(env.DB, principal, 30, at)).rejects.toMatchObject({ status: 429 })
  })

  it('counts every one of 40 racing writes: exactly 30 get through', async () => {
    const principal = key('key_admin')
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => consumeWrite(env.DB, principal, 30, at + 120_000)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30)
  })
})
