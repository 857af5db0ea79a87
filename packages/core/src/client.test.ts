import { errors } from '@faultline/test-catalog'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineErrors } from './catalog'
import { parseError, parseErrorResponse, retryAfterSeconds } from './client'
import { defaultErrors } from './defaults'
import { toBody } from './error'

describe('parseErrorResponse', () => {
  it('reads a catalog body into a typed error', async () => {
    const response = Response.json(
      { code: 'POST_NOT_FOUND', message: 'No post p_1', data: { postId: 'p_1' }, requestId: 'r1' },
      { status: 404 },
    )
    const error = await parseErrorResponse(response, { catalog: errors })
    expect([error.code, error.status, error.message, error.requestId]).toEqual([
      'POST_NOT_FOUND',
      404,
      'No post p_1',
      'r1',
    ])
    if (error.code === 'POST_NOT_FOUND') expect(error.data.postId).toBe('p_1')
  })

  it('turns an HTML 502 page from a proxy into BAD_GATEWAY', async () => {
    const response = new Response('<html><body>502 Bad Gateway</body></html>', {
      status: 502,
      headers: { 'content-type': 'text/html' },
    })
    const error = await parseErrorResponse(response, { catalog: errors })
    expect(toBody(error)).toEqual({ code: 'BAD_GATEWAY', message: 'Bad gateway' })
    expect(error.status).toBe(502)
  })

  it('turns an empty 503 into SERVICE_UNAVAILABLE with its retry delay', async () => {
    const response = new Response(null, { status: 503, headers: { 'retry-after': '30' } })
    const error = await parseErrorResponse(response, { catalog: errors })
    expect([error.code, error.retryAfter]).toEqual(['SERVICE_UNAVAILABLE', 30])
  })

  it('reads Problem Details', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Voted',
        code: 'VOTE_EXISTS',
      }),
      { status: 409, headers: { 'content-type': 'application/problem+json' } },
    )
    const error = await parseErrorResponse(response, { catalog: errors })
    expect([error.code, error.message]).toEqual(['VOTE_EXISTS', 'Voted'])
  })

  it("reads a typed client's response that is not a Response (hc under the Workers types)", async () => {
    const response = {
      status: 409,
      headers: new Headers({ 'x-request-id': 'r2' }),
      text: async () => '{"code":"VOTE_EXISTS","message":"Voted"}',
    }
    const error = await parseErrorResponse(response, { catalog: errors })
    expect([error.code, error.message, error.requestId]).toEqual(['VOTE_EXISTS', 'Voted', 'r2'])
  })

  it('never throws on a body that was already read', async () => {
    const response = new Response('x', { status: 500 })
    await response.text()
    expect((await parseErrorResponse(response, { catalog: errors })).code).toBe('SERVER_ERROR')
  })
})

describe('parseError', () => {
  it.each([
    ['truncated JSON', '{"code":"VOTE_EX', 409, 'CONFLICT'],
    ['JSON of another shape', { error: { message: 'nope' } }, 404, 'NOT_FOUND'],
    ['a JSON array', [1, 2], 400, 'BAD_REQUEST'],
    ['a code the catalog does not know', { code: 'NEWER_CODE', message: 'x' }, 409, 'CONFLICT'],
    ['an unmapped 4xx', 'I am a teapot', 418, 'BAD_REQUEST'],
    ['an unmapped 5xx', '', 599, 'SERVER_ERROR'],
  ])('falls back to the code for the status on %s', (_, body, status, code) => {
    const error = parseError({ status, body }, { catalog: errors })
    expect([error.code, error.status]).toEqual([code, status])
  })

  it('keeps the raw body as cause when it falls back', () => {
    expect(parseError({ status: 502, body: '<html>' }, { catalog: errors }).cause).toBe('<html>')
  })

  it('treats a non-error status as a server error', () => {
    expect(parseError({ status: 200, body: '' }, { catalog: errors }).status).toBe(500)
  })

  it('reads headers from anything with get(name) or a plain object (axios), and ignores non-strings', () => {
    const values: Record<string, unknown> = { 'retry-after': '7', 'x-request-id': ['r1', 'r2'] }
    const headers = { get: (name: string) => values[name] }
    const error = parseError({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' }, headers })
    expect([error.retryAfter, error.requestId]).toEqual([7, undefined])
    const plain = { 'Retry-After': '9', 'x-request-id': 'r3' }
    expect(parseError({ status: 503, body: '', headers: plain })).toMatchObject({
      retryAfter: 9,
      requestId: 'r3',
    })
    const hostile = {
      get: () => {
        throw new Error('no')
      },
    }
    expect(parseError({ status: 503, body: '', headers: hostile }).code).toBe('SERVICE_UNAVAILABLE')
  })

  it('keeps the code of an already-parsed body (ofetch gives response._data)', () => {
    const body = { code: 'POST_NOT_FOUND', message: 'Post not found', data: { postId: '7' } }
    const error = parseError({ status: 404, body }, { catalog: errors })
    expect([error.code, error.data]).toEqual(['POST_NOT_FOUND', { postId: '7' }])
  })

  it('keeps any code when no catalog is given', () => {
    expect(parseError({ status: 409, body: { code: 'ANYTHING', message: 'm' } }).code).toBe(
      'ANYTHING',
    )
  })

  it('keeps only well-formed validation issues', () => {
    const body = {
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [{ code: 'too_small', message: 'Too small', path: '/title' }, null, 'x'],
    }
    expect(parseError({ status: 400, body }, { catalog: errors }).errors).toEqual([
      { code: 'too_small', message: 'Too small', path: '/title' },
    ])
  })

  it('takes the request id from the header when the body lacks it', () => {
    const headers = new Headers({ 'x-request-id': 'req_7' })
    expect(parseError({ status: 502, body: '', headers }, { catalog: errors }).requestId).toBe(
      'req_7',
    )
  })
})

describe('parseError with a schema for data', () => {
  const checked = defineErrors({
    ...defaultErrors,
    POST_NOT_FOUND: {
      status: 404,
      message: 'Post not found',
      data: z.object({ postId: z.string() }),
    },
    QUOTA_EXCEEDED: {
      status: 429,
      message: 'Quota exceeded',
      data: v.object({ limit: v.pipe(v.number(), v.integer()) }),
    },
  })

  it('keeps data that matches the schema, as the schema outputs it', () => {
    const body = { code: 'POST_NOT_FOUND', message: 'No post', data: { postId: 'p_1', extra: 1 } }
    const error = parseError({ status: 404, body }, { catalog: checked })
    expect(error.code).toBe('POST_NOT_FOUND')
    // zod's object strips unknown keys: the client gets the schema's output
    expect(error.data).toEqual({ postId: 'p_1' })
  })

  it("falls back to the status's code when data does not match, keeping the raw body", () => {
    for (const [status, body] of [
      [404, { code: 'POST_NOT_FOUND', message: 'No post', data: { postId: 7 } }],
      [404, { code: 'POST_NOT_FOUND', message: 'No post' }],
      [429, { code: 'QUOTA_EXCEEDED', message: 'Slow down', data: { limit: 1.5 } }],
    ] as const) {
      const error = parseError({ status, body }, { catalog: checked })
      expect(error.code).not.toBe(body.code)
      expect(error.status).toBe(status)
      expect(error.data).toBeUndefined()
      expect(error.cause).toBe(body)
    }
  })

  it('checks with any Standard Schema (valibot here)', () => {
    const body = { code: 'QUOTA_EXCEEDED', message: 'Slow down', data: { limit: 20 } }
    const error = parseError({ status: 429, body }, { catalog: checked })
    expect([error.code, error.data]).toEqual(['QUOTA_EXCEEDED', { limit: 20 }])
  })

  it('does not check with a schema that validates asynchronously', () => {
    const later = defineErrors({
      GONE: {
        status: 410,
        message: 'Gone',
        data: z.object({ id: z.string() }).refine(async () => false),
      },
    })
    const body = { code: 'GONE', message: 'Gone', data: { id: 'x' } }
    expect(parseError({ status: 410, body }, { catalog: later }).code).toBe('GONE')
  })
})

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.UTC(2030, 0, 1, 0, 0, 0)
    expect(retryAfterSeconds('120', { now })).toBe(120)
    expect(retryAfterSeconds('Tue, 01 Jan 2030 00:01:00 GMT', { now })).toBe(60)
    expect(retryAfterSeconds('Mon, 31 Dec 2029 00:00:00 GMT', { now })).toBe(0)
    expect(retryAfterSeconds('soon', { now })).toBeUndefined()
    expect(retryAfterSeconds(null)).toBeUndefined()
  })
})
