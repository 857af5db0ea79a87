import { expect, it } from 'vitest'
import { requestIdOf } from './state'

it('gives the same id for the same request, reusing a safe incoming one', () => {
  const request = new Request('http://localhost/', { headers: { 'x-request-id': 'req_1' } })
  expect(requestIdOf(request)).toBe('req_1')
  const fresh = new Request('http://localhost/')
  expect(requestIdOf(fresh)).toBe(requestIdOf(fresh))
  expect(requestIdOf(fresh)).not.toBe(requestIdOf(new Request('http://localhost/')))
})

it("reads Node's IncomingMessage headers and never echoes an unsafe id", () => {
  expect(requestIdOf({ headers: { 'x-request-id': ['req_node', 'other'] } })).toBe('req_node')
  expect(requestIdOf({ headers: { 'x-trace': 'abc' } }, 'X-Trace')).toBe('abc')
  expect(requestIdOf({ headers: { 'x-request-id': 'a\r\nset-cookie: x' } })).toMatch(
    /^[0-9a-f-]{36}$/,
  )
  expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/)
})
