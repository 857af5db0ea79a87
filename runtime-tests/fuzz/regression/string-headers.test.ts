// Bug (core, error.ts errorHeaders): `Object.entries(error.headers ?? {})` accepts any value, and
// fromOtherCopy passes another copy's `headers` unchecked: a string becomes numbered headers
// (`0: a`, `1: b`, …), and a 1 MiB string costs about a million Headers.set calls (seconds of
// CPU for one error response, measured while fuzzing the Hono adapter).
// Fix: take headers only from a plain object (not a string or array), and cap their number.
import { API_ERROR } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'

describe('regression: string-headers', () => {
  it('adds no numbered headers for another copy whose headers is a string', async () => {
    const thrown = Object.assign(new Error('Conflict'), {
      [API_ERROR]: true,
      code: 'CONFLICT',
      status: 409,
      headers: 'abc',
    })
    const response = await withErrors(() => {
      throw thrown
    })(new Request('http://localhost/'))
    expect(response.headers.has('0')).toBe(false)
  })
})
