import { describe, expect, it } from 'vitest'
import { compare, type Expected, normaliseHeader, RESPONSE_JSON_TYPE, UUID } from './match'

const ID = '3f0c6a52-8a51-4f3e-9a41-1f2b6c7d8e9f'

const expected: Expected = {
  status: 404,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    vary: 'accept',
    'x-request-id': UUID,
    allow: null,
  },
  body: { code: 'NOT_FOUND', message: 'Not found', requestId: UUID },
  absent: ['hunter2'],
}

function received(
  body: unknown,
  headers: Record<string, string> = {},
  status = 404,
): { status: number; headers: Headers; text: string } {
  return {
    status,
    headers: new Headers({
      'content-type': 'application/json; charset=utf-8',
      vary: 'accept',
      'x-request-id': ID,
      ...headers,
    }),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  }
}

const good = { code: 'NOT_FOUND', message: 'Not found', requestId: ID }

describe('compare', () => {
  it('accepts the expected response, whatever its key order', () => {
    expect(
      compare(expected, received({ requestId: ID, message: 'Not found', code: 'NOT_FOUND' })),
    ).toEqual([])
  })

  it('reports a wrong status, a missing or extra header, and an extra body member', () => {
    const response = received({ ...good, stack: 'at x' }, { allow: 'GET' }, 500)
    response.headers.delete('vary')
    expect(compare(expected, response)).toEqual([
      'status: expected 404, got 500',
      'header vary: expected "accept", got null',
      'header allow: expected null, got "GET"',
      '/stack: unexpected "at x"',
    ])
  })

  it('reports a missing member, a wrong value deep inside, and a planted secret', () => {
    const want: Expected = {
      ...expected,
      body: { ...good, requestId: UUID, data: { ids: ['a', 'b'] } },
    }
    expect(
      compare(
        want,
        received({
          code: 'NOT_FOUND',
          message: 'hunter2',
          requestId: ID,
          data: { ids: ['a', 'c'] },
        }),
      ),
    ).toEqual([
      '/message: expected "Not found", got "hunter2"',
      '/data/ids/1: expected "b", got "c"',
      'body contains "hunter2"',
    ])
  })

  it('needs a UUID where UUID is expected, and the same one in the header and the body', () => {
    expect(compare(expected, received({ ...good, requestId: 'req_1' }))).toEqual([
      '/requestId: expected "<uuid>", got "req_1"',
    ])
    const other = '9b2d1c3e-0f4a-4b5c-8d6e-7f8091a2b3c4'
    expect(compare(expected, received({ ...good, requestId: other }))).toEqual([
      `request ids differ: ${ID} vs ${other}`,
    ])
  })

  it('reports a body that is not JSON', () => {
    expect(compare(expected, received('Internal Server Error'))).toEqual([
      'body is not JSON: "Internal Server Error"',
    ])
  })

  it("compares a pass-through JSON response with the runtime's own Response.json()", () => {
    const want: Expected = {
      status: 200,
      headers: { 'content-type': RESPONSE_JSON_TYPE },
      body: null,
    }
    const own = Response.json(null).headers.get('content-type') ?? ''
    expect(
      compare(want, { status: 200, headers: new Headers({ 'content-type': own }), text: 'null' }),
    ).toEqual([])
    expect(
      compare(want, {
        status: 200,
        headers: new Headers({ 'content-type': 'text/plain' }),
        text: 'null',
      }),
    ).toHaveLength(1)
  })
})

describe('normaliseHeader', () => {
  it('ignores only what HTTP says is insignificant', () => {
    expect(normaliseHeader('content-type', ' Application/JSON ; Charset=UTF-8')).toBe(
      'application/json;charset=utf-8',
    )
    expect(normaliseHeader('vary', 'Trpc-Accept, accept')).toBe('accept, trpc-accept')
    expect(normaliseHeader('x-request-id', ' Req_1 ')).toBe('Req_1')
    expect(normaliseHeader('retry-after', '30')).not.toBe(normaliseHeader('retry-after', '31'))
  })
})
