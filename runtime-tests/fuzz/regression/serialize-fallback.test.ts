// Bug (core, error.ts serialize): when a body does not serialise even without `data` (an
// `errors` list holding a BigInt, from another copy), the last fallback is
// `{ code, message: String(body.message) }`: a Problem Details body becomes
// `{"code":…,"message":"undefined"}` under `content-type: application/problem+json`, and every
// body loses `requestId` (still in the `x-request-id` header) and `docUrl`.
// Fix: make the second attempt drop `errors` as well as `data`, and the last one keep every
// string member of the body (and a Problem's numeric `status`).
import { API_ERROR, problemDetails } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'

const thrown = () =>
  Object.assign(new Error('Bad input'), {
    [API_ERROR]: true,
    code: 'BAD_REQUEST',
    status: 400,
    defaultMessage: 'Bad request',
    errors: [{ code: 'x', message: 'y', path: '', extra: 1n }],
  })

const handler = withErrors(
  () => {
    throw thrown()
  },
  { requestId: true, problemDetails },
)

describe('regression: serialize-fallback', () => {
  it('keeps the request id in a body whose errors do not serialise', async () => {
    const response = await handler(new Request('http://localhost/'))
    const body = (await response.json()) as { requestId?: string }
    expect(body.requestId).toBe(response.headers.get('x-request-id'))
  })

  it('keeps the Problem Details shape', async () => {
    const request = new Request('http://localhost/', {
      headers: { accept: 'application/problem+json' },
    })
    const response = await handler(request)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 400, code: 'BAD_REQUEST', detail: expect.any(String) })
    expect(body).not.toHaveProperty('message')
  })
})
