import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { parseError } from './client'
import { ApiError, errorHeaders, MAX_MESSAGE_LENGTH, serialize, toBody } from './error'
import { toApiError } from './normalize'

const headersOf = (response: Response) => Object.fromEntries(response.headers)

describe('ApiError', () => {
  it('renders the wire body with toJSON', () => {
    const error = errors.create('POST_NOT_FOUND', { data: { postId: 'p_1' } })
    expect(JSON.stringify(error)).toBe(
      '{"code":"POST_NOT_FOUND","message":"Post not found","data":{"postId":"p_1"}}',
    )
  })

  it('renders a whole Response with getResponse', async () => {
    const response = errors.create('VOTE_EXISTS').getResponse()
    expect(response.status).toBe(409)
    expect(headersOf(response)).toEqual({
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      vary: 'accept',
    })
    expect(await response.json()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
    })
  })

  it('hides the message of a 500 from the client', async () => {
    const error = errors.create('SERVER_ERROR', { message: `db password ${SECRET}` })
    expect(error.message).toContain(SECRET)
    const text = await error.getResponse().text()
    expect(text).toBe('{"code":"SERVER_ERROR","message":"Something went wrong on our end"}')
  })

  it('sends the message of a 5xx whose entry or error is exposable', () => {
    expect(errors.create('CONFIG_MISSING', { message: 'Set DB_URL' }).toJSON().message).toBe(
      'Set DB_URL',
    )
    expect(
      errors.create('BAD_GATEWAY', { message: 'Payments are down', expose: true }).toJSON().message,
    ).toBe('Payments are down')
  })

  it('sends 4xx messages as given, cut to 1,000 characters', () => {
    const error = errors.create('VOTE_EXISTS', { message: 'x'.repeat(5000) })
    expect(error.toJSON().message).toHaveLength(MAX_MESSAGE_LENGTH)
  })

  it('skips the stack trace of expected errors and keeps it for 5xx', () => {
    expect(errors.create('VOTE_EXISTS').stack).not.toMatch(/\n\s+at /)
    expect(errors.create('SERVER_ERROR').stack).toMatch(/\n\s+at /)
    expect(errors.create('VOTE_EXISTS', { stack: true }).stack).toMatch(/\n\s+at /)
  })

  it('leaves the global stack trace limit as it found it', () => {
    const before = Error.stackTraceLimit
    errors.create('VOTE_EXISTS')
    expect(Error.stackTraceLimit).toBe(before)
  })

  it('says whether it is expected', () => {
    expect(errors.create('VOTE_EXISTS').expected).toBe(true)
    expect(errors.create('BAD_GATEWAY').expected).toBe(false)
  })

  it('turns a status outside 400–599 into 500', () => {
    expect(new ApiError({ code: 'ODD', status: 200 }).status).toBe(500)
  })

  it('has no own cause unless one is given', () => {
    expect('cause' in errors.create('VOTE_EXISTS')).toBe(false)
  })
})

describe('errorHeaders', () => {
  it('sends Retry-After in seconds on 429 and 503', () => {
    expect(
      errorHeaders(errors.create('TOO_MANY_REQUESTS', { retryAfter: 2.2 }))['retry-after'],
    ).toBe('3')
    expect(errorHeaders(errors.create('UPSTREAM_DOWN'))['retry-after']).toBe('30')
  })

  it('sends Retry-After as an HTTP date for a Date', () => {
    const at = new Date(Date.UTC(2030, 0, 2, 3, 4, 5))
    expect(
      errorHeaders(errors.create('SERVICE_UNAVAILABLE', { retryAfter: at }))['retry-after'],
    ).toBe('Wed, 02 Jan 2030 03:04:05 GMT')
  })

  it('sends no Retry-After on other statuses or for a bad delay', () => {
    for (const error of [
      errors.create('BAD_GATEWAY', { retryAfter: 5 }),
      errors.create('TOO_MANY_REQUESTS', { retryAfter: Number.NaN }),
      errors.create('TOO_MANY_REQUESTS', { retryAfter: new Date('nope') }),
    ]) {
      expect(errorHeaders(error)).not.toHaveProperty('retry-after')
    }
  })

  it('sends the request id as x-request-id and in the body', () => {
    const error = errors.create('VOTE_EXISTS', { requestId: 'req_1' })
    expect(errorHeaders(error)['x-request-id']).toBe('req_1')
    expect(toBody(error).requestId).toBe('req_1')
    expect(toBody(error, { requestId: 'req_2' }).requestId).toBe('req_2')
  })

  it('drops invalid headers rather than failing', () => {
    const error = errors.create('VOTE_EXISTS', { headers: { 'bad header': 'x', ok: 'fine' } })
    expect(errorHeaders(error)).toEqual({
      ok: 'fine',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
    })
  })

  it('drops header values a Response would refuse, and keeps a vary of the error', () => {
    const error = errors.create('VOTE_EXISTS', {
      headers: { 'x-a': 'line\nbreak', 'x-b': 'ünïcødé', Vary: 'origin', 'X-Ok': ' padded ' },
    })
    const headers = errorHeaders(error)
    expect(headers).toEqual({
      'x-b': 'ünïcødé',
      vary: 'origin, accept',
      'x-ok': 'padded',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    expect(() => new Response(null, { headers })).not.toThrow()
  })
})

describe('serialize', () => {
  it('drops data that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(serialize({ code: 'X', message: 'x', data: cyclic })).toBe('{"code":"X","message":"x"}')
    expect(serialize({ code: 'X', message: 'x', data: { n: 1n } })).toBe(
      '{"code":"X","message":"x"}',
    )
  })

  it('drops the issues too when they cannot be serialised, keeping strings and numbers', () => {
    const body = { code: 'X', message: 'x', errors: [{ code: 1n }], requestId: 'r' }
    expect(serialize(body as never)).toBe('{"code":"X","message":"x","requestId":"r"}')
  })
})

describe('retryable', () => {
  it("carries the catalog entry's word on whether a client may retry", () => {
    expect(errors.create('TOO_MANY_REQUESTS').retryable).toBe(true)
    expect(errors.create('UPSTREAM_DOWN').retryable).toBe(false)
    expect(errors.create('NOT_FOUND').retryable).toBe(false)
    expect(toApiError({ status: 503 }, { catalog: errors }).retryable).toBe(true)
    expect(toApiError(new Error('boom'), { catalog: errors }).retryable).toBe(false)
  })

  it('is readable on the client, from the catalog the client shares', () => {
    const parsed = parseError(
      {
        status: 502,
        body: { code: 'BAD_GATEWAY', message: 'Bad gateway' },
      },
      { catalog: errors },
    )
    expect(parsed.retryable).toBe(true)
    expect(parseError({ status: 504, body: '<html>' }, { catalog: errors }).retryable).toBe(true)
    expect(
      parseError({ status: 409, body: { code: 'VOTE_EXISTS' } }, { catalog: errors }).retryable,
    ).toBe(false)
  })
})
