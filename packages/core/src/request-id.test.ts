import { describe, expect, it } from 'vitest'
import { isSafeRequestId, requestIdOf } from './request-id'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const withId = (id: string) => new Request('http://x.test', { headers: { 'x-request-id': id } })

describe('requestIdOf', () => {
  it('reuses a safe incoming x-request-id', () => {
    expect(requestIdOf(withId('req_01H:abc.def-9'))).toBe('req_01H:abc.def-9')
  })

  it('accepts every id hono/request-id accepts (word characters, -, =, up to 255)', () => {
    const id = `${'a'.repeat(250)}-_=9`
    expect(requestIdOf(withId(id))).toBe(id)
  })

  it('generates a UUID when there is none', () => {
    expect(requestIdOf(new Request('http://x.test'))).toMatch(UUID)
  })

  it.each([
    ['10 KB', 'a'.repeat(10_240)],
    ['256 characters', 'a'.repeat(256)],
    ['spaces', 'a b'],
    ['a header separator', 'a;b=c'],
    ['a list separator', 'req,1'],
    ['an empty string', ''],
    ['unicode', 'ré-q'],
    ['quotes and angle brackets', '"<script>"'],
  ])('replaces a hostile id (%s)', (_, id) => {
    expect(requestIdOf(withId(id))).toMatch(UUID)
  })

  it('fixes the id once per request, whatever later callers pass', () => {
    const request = new Request('http://x.test')
    const first = requestIdOf(request, { requestId: () => 'from-the-framework' })
    expect(first).toBe('from-the-framework')
    expect(requestIdOf(request)).toBe(first)
    expect(requestIdOf(request, { requestId: () => 'another' })).toBe(first)
    const fresh = new Request('http://x.test')
    expect(requestIdOf(fresh)).toBe(requestIdOf(fresh))
    expect(requestIdOf(fresh)).not.toBe(requestIdOf(new Request('http://x.test')))
  })

  it('is off with false, and fixes nothing then', () => {
    const request = withId('req_1')
    expect(requestIdOf(request, { requestId: false })).toBeUndefined()
    expect(requestIdOf(request, { requestId: () => 'later' })).toBe('later')
  })

  it('lets a function pick the id, falling back to the header, then a UUID', () => {
    const ray = new Request('http://x.test', {
      headers: { 'cf-ray': '8a1b2c3d4e5f-AMS', 'x-request-id': 'req_2' },
    })
    expect(requestIdOf(ray, { requestId: (request) => request.headers.get('cf-ray') })).toBe(
      '8a1b2c3d4e5f-AMS',
    )
    expect(requestIdOf(withId('req_3'), { requestId: () => 'a\r\nb' })).toBe('req_3')
    expect(requestIdOf(new Request('http://x.test'), { requestId: () => null })).toMatch(UUID)
    const throwing = () => {
      throw new Error('boom')
    }
    expect(requestIdOf(withId('req_4'), { requestId: throwing })).toMatch(UUID)
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

it("reads the header of Node's IncomingMessage too (tRPC's Node adapters)", () => {
  const message = { headers: { 'x-request-id': ['req_node', 'other'] } } as unknown as Request
  expect(requestIdOf(message)).toBe('req_node')
})
