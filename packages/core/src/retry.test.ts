import { errors } from '@faultline/test-catalog'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ApiError } from './error'
import { retryDelay, shouldRetry } from './retry'

const cap = 10_000
const codes = Object.keys(errors.definitions) as (keyof typeof errors.definitions)[]
const anError = fc.record({
  code: fc.constantFrom(...codes),
  retryAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
})
const made = ({ code, retryAfter }: { code: (typeof codes)[number]; retryAfter?: number }) =>
  errors.create(code as 'NOT_FOUND', { retryAfter })
const attempt = fc.integer({ min: 1, max: 40 })
const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

describe('retryDelay', () => {
  it('stays within [0, cap] and never below Retry-After when that fits', () => {
    fc.assert(
      fc.property(anError, attempt, random, (init, n, r) => {
        const error = made(init)
        const delay = retryDelay(error, n, { random: () => r })
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(cap)
        if (init.retryAfter !== undefined) {
          expect(delay).toBe(Math.min(cap, Math.max(delay, init.retryAfter * 1000)))
          if (init.retryAfter * 1000 <= cap)
            expect(delay).toBeGreaterThanOrEqual(init.retryAfter * 1000)
        }
      }),
    )
  })

  it('grows with the attempt for the same draw of the jitter (so does its expected value)', () => {
    fc.assert(
      fc.property(attempt, random, (n, r) => {
        const error = errors.create('SERVICE_UNAVAILABLE')
        expect(retryDelay(error, n + 1, { random: () => r })).toBeGreaterThanOrEqual(
          retryDelay(error, n, { random: () => r }),
        )
      }),
    )
  })

  it('draws a full jitter up to base · 2^(attempt − 1)', () => {
    const error = errors.create('BAD_GATEWAY')
    expect([0, 0.5, 0.999].map((r) => retryDelay(error, 3, { random: () => r }))).toEqual([
      0, 600, 1198,
    ])
    expect(retryDelay(error, 30, { random: () => 0.999 })).toBe(9990)
  })

  it('reads a Retry-After date as the time left', () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0)
    const error = errors.create('TOO_MANY_REQUESTS', { retryAfter: new Date(now + 4_000) })
    expect(retryDelay(error, 1, { random: () => 0, now: () => now })).toBe(4_000)
  })
})

describe('shouldRetry', () => {
  it('retries only what the catalog marks retryable, and never on the last attempt', () => {
    fc.assert(
      fc.property(anError, fc.integer({ min: 1, max: 5 }), (init, n) => {
        const error = made(init)
        const fits = (init.retryAfter ?? 0) * 1000 <= cap
        expect(shouldRetry(error, n)).toBe(error.retryable && n < 3 && fits)
      }),
    )
  })

  it('retries 429, 502, 503 and 504 of the default catalog, and no other status', () => {
    const retried = codes.filter((code) => shouldRetry(errors.create(code as 'NOT_FOUND'), 1))
    expect(retried.map((code) => errors.definitions[code].status).sort()).toEqual([
      429, 502, 503, 504,
    ])
  })

  it('retries a 500 whose entry says it may be', () => {
    const flaky = errors.extend({ FLAKY: { status: 500, message: 'Flaky', retryable: true } })
    expect(shouldRetry(flaky.create('FLAKY'), 1)).toBe(true)
    expect(shouldRetry(flaky.create('SERVER_ERROR'), 1)).toBe(false)
  })

  it('gives up when Retry-After asks for longer than the cap', () => {
    const error = errors.create('SERVICE_UNAVAILABLE', { retryAfter: 30 })
    expect(shouldRetry(error, 1)).toBe(false)
    expect(shouldRetry(error, 1, { capMs: 60_000 })).toBe(true)
  })

  it('retries a network failure, not an abort or any other throw', () => {
    expect(shouldRetry(new TypeError('fetch failed'), 1)).toBe(true)
    expect(shouldRetry(new DOMException('aborted', 'AbortError'), 1)).toBe(false)
    expect(shouldRetry(new DOMException('timed out', 'TimeoutError'), 1)).toBe(false)
    expect(shouldRetry(new Error('bug'), 1)).toBe(false)
    expect(shouldRetry('boom', 1)).toBe(false)
    expect(shouldRetry(null, 1)).toBe(false)
  })

  it('recognises an error from another copy of the package by its brand', () => {
    const other = new ApiError({ code: 'SERVICE_UNAVAILABLE', status: 503, retryable: true })
    expect(shouldRetry({ ...other, [Symbol.for('faultline.api-error')]: true }, 1)).toBe(true)
  })

  it('refuses an attempt that does not count from 1, and options out of range', () => {
    const error = errors.create('BAD_GATEWAY')
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => shouldRetry(error, n)).toThrow(RangeError)
      expect(() => retryDelay(error, n)).toThrow(RangeError)
    }
    expect(() => retryDelay(error, 1, { capMs: -1 })).toThrow(/capMs must be/)
    expect(() => shouldRetry(error, 1, { maxAttempts: Number.POSITIVE_INFINITY })).toThrow(
      /maxAttempts must be/,
    )
  })
})
