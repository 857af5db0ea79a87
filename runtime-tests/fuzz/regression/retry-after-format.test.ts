// Bug (core, error.ts retryAfterHeader): `String(Math.max(0, Math.ceil(retry)))` writes 1e21
// seconds or more as `1e+21`, and a Date past year 9999 as a 5-digit-year date: neither is a
// valid Retry-After (delay-seconds is 1*DIGIT; an HTTP-date has a 4-digit year), and clients
// (core's own retryAfterSeconds) read neither.
// Fix: clamp seconds (e.g. to 2 ** 31 - 1) and send a Date outside years 1000-9999 as clamped
// delay-seconds.
import { defaultErrors, defineErrors, retryAfterSeconds } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'

const errors = defineErrors(defaultErrors)

async function retryAfterOf(retryAfter: number | Date) {
  const response = await withErrors(() => {
    throw errors.create('TOO_MANY_REQUESTS', { retryAfter })
  })(new Request('http://localhost/'))
  return response.headers.get('retry-after')
}

describe('regression: retry-after-format', () => {
  it('writes a huge delay as digits', async () => {
    const header = await retryAfterOf(1e21)
    expect(header).toMatch(/^\d+$/)
    expect(retryAfterSeconds(header)).toBeGreaterThan(0)
  })

  it('writes a date past year 9999 as delay-seconds or an HTTP-date', async () => {
    const header = await retryAfterOf(new Date(8.64e15))
    // today: "Sat, 13 Sep 275760 00:00:00 GMT", which Date.parse reads but RFC 9110 does not allow
    expect(header).toMatch(/^(\d+|\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/)
  })
})
