// Bug (core, normalize.ts fromOtherCopy): `retryAfter instanceof Date` and
// `Array.isArray(errors)` run outside the guarded `read()`, so a proxy (or revoked proxy) in one
// optional field throws, toApiError's catch-all takes over and a 4xx from another copy is sent
// as a 500 SERVER_ERROR, losing its code.
// Fix: run both checks inside a try (treat a throwing check as "absent").
import { API_ERROR } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'

describe('regression: other-copy-demoted', () => {
  it('keeps the status and code of another copy whose retryAfter is a hostile proxy', async () => {
    const retryAfter = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    )
    const thrown = Object.assign(new Error('Vote exists'), {
      [API_ERROR]: true,
      code: 'CONFLICT',
      status: 409,
      defaultMessage: 'Conflict',
      retryAfter,
    })
    const response = await withErrors(() => {
      throw thrown
    })(new Request('http://localhost/'))
    expect(response.status).toBe(409)
    expect(((await response.json()) as { code: string }).code).toBe('CONFLICT')
  })

  it('keeps them when errors is a revoked proxy', async () => {
    const { proxy, revoke } = Proxy.revocable([], {})
    revoke()
    const thrown = Object.assign(new Error('Vote exists'), {
      [API_ERROR]: true,
      code: 'CONFLICT',
      status: 409,
      errors: proxy,
    })
    const response = await withErrors(() => {
      throw thrown
    })(new Request('http://localhost/'))
    expect(response.status).toBe(409)
  })
})
