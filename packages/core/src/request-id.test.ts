import { describe, expect, it } from 'vitest'
import { isSafeRequestId, requestIdFrom } from './request-id'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('requestIdFrom', () => {
  it('reuses a safe incoming x-request-id', () => {
    const request = new Request('http://x.test', {
      headers: { 'x-request-id': 'req_01H:abc.def-9' },
    })
    expect(requestIdFrom(request)).toBe('req_01H:abc.def-9')
  })

  it('generates a UUID when there is none', () => {
    expect(requestIdFrom(new Request('http://x.test'))).toMatch(UUID)
  })

  it.each([
    ['10 KB', 'a'.repeat(10_240)],
    ['spaces', 'a b'],
    ['a header separator', 'a;b=c'],
    ['unicode', 'ré-q'],
    ['quotes and angle brackets', '"<script>"'],
  ])('replaces a hostile id (%s)', (_, id) => {
    const request = new Request('http://x.test', { headers: { 'x-request-id': id } })
    expect(requestIdFrom(request)).toMatch(UUID)
  })

  it('reads another header when told', () => {
    const request = new Request('http://x.test', { headers: { 'cf-ray': '8a1b2c3d4e5f-AMS' } })
    expect(requestIdFrom(request, 'cf-ray')).toBe('8a1b2c3d4e5f-AMS')
  })
})

describe('isSafeRequestId', () => {
  it('accepts tokens and refuses everything else', () => {
    expect(isSafeRequestId('abc-123')).toBe(true)
    expect(isSafeRequestId('')).toBe(false)
    expect(isSafeRequestId('a\r\nb')).toBe(false)
    expect(isSafeRequestId(42)).toBe(false)
  })
})
