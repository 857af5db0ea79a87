// Bug (core, normalize.ts fromOtherCopy): the `errors` of an error from another copy is sent as
// it is when it is an array (`Array.isArray(errors) ? errors : undefined`), so a body can carry
// `"errors":[false]` or `[{}]`, off the wire contract; with a BigInt inside, the body no longer
// serialises (see serialize-fallback) and tRPC answers a 500 instead.
// Fix: rebuild the list like client.ts `issuesOf` does (keep objects, `String()` each of code,
// message and path inside a try, drop an entry that fails).
import { API_ERROR } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'

function otherCopy(errors: unknown) {
  return Object.assign(new Error('Validation failed'), {
    [API_ERROR]: true,
    code: 'VALIDATION_ERROR',
    status: 400,
    defaultMessage: 'Validation failed',
    errors,
  })
}

describe('regression: other-copy-errors', () => {
  it('sends only { code, message, path } strings in errors[]', async () => {
    const thrown = otherCopy([false, {}, { code: 1, message: null, path: ['a'] }])
    const response = await withErrors(() => {
      throw thrown
    })(new Request('http://localhost/'))
    const body = (await response.json()) as { errors?: unknown[] }
    expect(response.status).toBe(400)
    for (const issue of body.errors ?? []) {
      expect(issue).toEqual({
        code: expect.any(String),
        message: expect.any(String),
        path: expect.any(String),
      })
    }
  })
})
