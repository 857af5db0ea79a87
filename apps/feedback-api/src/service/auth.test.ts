import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { authenticate, requireWrite, sha256 } from './auth'

describe('authenticate', () => {
  it('finds the seeded keys by the hash of their secret', async () => {
    expect(await authenticate(env.DB, 'Bearer lc_test_admin')).toEqual({
      keyId: 'key_admin',
      scope: 'write',
      writeLimit: null,
    })
    expect(await authenticate(env.DB, 'bearer  lc_test_readonly ')).toEqual({
      keyId: 'key_readonly',
      scope: 'read',
      writeLimit: null,
    })
    expect(await authenticate(env.DB, 'Bearer lc_test_limited')).toMatchObject({ writeLimit: 3 })
  })

  it.each([
    [null, 'Missing API key'],
    ['', 'Missing API key'],
    ['lc_test_admin', 'Send the API key as "Authorization: Bearer <key>"'],
    ['Basic bGM6dGVzdA==', 'Send the API key as "Authorization: Bearer <key>"'],
    ['Bearer lc_test_nope', 'Invalid API key'],
  ])('answers 401 UNAUTHORIZED to %j', async (header, message) => {
    const error = await authenticate(env.DB, header).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, message })
    expect(error).toHaveProperty('headers', { 'www-authenticate': 'Bearer realm="feedback-api"' })
  })

  it('stores no secret, only its SHA-256', async () => {
    const { results } = await env.DB.prepare('SELECT key_hash FROM api_keys ORDER BY id').all()
    expect(results).toContainEqual({ key_hash: await sha256('lc_test_admin') })
    expect(JSON.stringify(results)).not.toContain('lc_test')
  })
})

describe('requireWrite', () => {
  it('answers 403 FORBIDDEN to a read-only key and lets a read-write key through', async () => {
    const readonly = await authenticate(env.DB, 'Bearer lc_test_readonly')
    expect(() => requireWrite(readonly)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        status: 403,
        message: 'This API key is read-only',
      }),
    )
    expect(() =>
      requireWrite({ keyId: 'key_admin', scope: 'write', writeLimit: null }),
    ).not.toThrow()
  })
})
