import { ApiError, isApiError } from '@faultline/core'
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server'
import { TRPCError } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { errors } from '../test/app'
import { TRPC_CODES } from './codes'
import { fromTRPCError, originalOf, toTRPCError } from './normalize'

describe('fromTRPCError', () => {
  it("maps every tRPC code to the catalog's code for its status", () => {
    const mapped = Object.keys(TRPC_CODES).map((code) => {
      const error = fromTRPCError(new TRPCError({ code: code as TRPC_ERROR_CODE_KEY }), {
        catalog: errors,
      })
      return `${code} → ${error.code} ${error.status}`
    })
    expect(mapped).toMatchInlineSnapshot(`
      [
        "BAD_REQUEST → BAD_REQUEST 400",
        "PARSE_ERROR → BAD_REQUEST 400",
        "UNAUTHORIZED → UNAUTHORIZED 401",
        "PAYMENT_REQUIRED → REQUEST_FAILED 402",
        "FORBIDDEN → FORBIDDEN 403",
        "NOT_FOUND → NOT_FOUND 404",
        "METHOD_NOT_SUPPORTED → METHOD_NOT_ALLOWED 405",
        "TIMEOUT → BAD_REQUEST 408",
        "CONFLICT → CONFLICT 409",
        "PRECONDITION_FAILED → BAD_REQUEST 412",
        "PAYLOAD_TOO_LARGE → PAYLOAD_TOO_LARGE 413",
        "UNSUPPORTED_MEDIA_TYPE → UNSUPPORTED_MEDIA_TYPE 415",
        "UNPROCESSABLE_CONTENT → UNPROCESSABLE_CONTENT 422",
        "PRECONDITION_REQUIRED → BAD_REQUEST 428",
        "TOO_MANY_REQUESTS → TOO_MANY_REQUESTS 429",
        "CLIENT_CLOSED_REQUEST → BAD_REQUEST 499",
        "INTERNAL_SERVER_ERROR → SERVER_ERROR 500",
        "NOT_IMPLEMENTED → SERVER_ERROR 501",
        "BAD_GATEWAY → BAD_GATEWAY 502",
        "SERVICE_UNAVAILABLE → SERVICE_UNAVAILABLE 503",
        "GATEWAY_TIMEOUT → GATEWAY_TIMEOUT 504",
      ]
    `)
  })

  it('returns the catalog error tRPC wrapped, as it was thrown', () => {
    const thrown = errors.create('VOTE_EXISTS')
    expect(fromTRPCError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: thrown }))).toBe(
      thrown,
    )
  })

  it('rebuilds a catalog error from another copy of the package', () => {
    const foreign = Object.assign(new Error('Slow down'), {
      [Symbol.for('faultline.api-error')]: true,
      code: 'RATE_LIMITED',
      status: 429,
      retryAfter: 30,
    })
    const error = fromTRPCError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: foreign }), {
      catalog: errors,
    })
    expect(error).toBeInstanceOf(ApiError)
    expect([error.code, error.status, error.retryAfter]).toEqual(['RATE_LIMITED', 429, 30])
  })

  it('keeps the message of a 4xx TRPCError and redacts that of a 5xx', () => {
    const missing = fromTRPCError(new TRPCError({ code: 'NOT_FOUND', message: 'No post 7' }), {
      catalog: errors,
    })
    expect(missing.publicMessage()).toBe('No post 7')
    const crash = fromTRPCError(new TRPCError({ code: 'BAD_GATEWAY', message: 'token=abc' }), {
      catalog: errors,
    })
    expect([crash.code, crash.publicMessage()]).toEqual(['BAD_GATEWAY', 'Bad gateway'])
  })

  it('normalises the values tRPC wraps: errors with a status, strings, objects, nothing', () => {
    const wrap = (cause: unknown) => new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause })
    const seen = [
      Object.assign(new Error('Unauthorized'), { status: 401 }),
      { status: 404, message: 'gone' },
      'a string',
      { secret: 'hunter2' },
      undefined,
      null,
    ].map((cause) => {
      const error = fromTRPCError(wrap(cause), { catalog: errors })
      return [error.code, error.status, error.publicMessage()]
    })
    expect(seen).toEqual([
      ['UNAUTHORIZED', 401, 'Unauthorized'],
      ['NOT_FOUND', 404, 'gone'],
      ['SERVER_ERROR', 500, 'Something went wrong on our end'],
      ['SERVER_ERROR', 500, 'Something went wrong on our end'],
      ['SERVER_ERROR', 500, 'Something went wrong on our end'],
      ['SERVER_ERROR', 500, 'Something went wrong on our end'],
    ])
  })

  it('turns validator issues into VALIDATION_ERROR, scrubbing the input', () => {
    const cause = Object.assign(new Error('x'), {
      issues: [{ code: 'custom', message: 'sk_live_123 is not a title', path: ['title'] }],
    })
    const error = fromTRPCError(new TRPCError({ code: 'BAD_REQUEST', cause }), {
      catalog: errors,
      input: { title: 'sk_live_123' },
    })
    expect(error.toJSON()).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [{ code: 'custom', message: '… is not a title', path: '/title' }],
    })
  })

  it('never throws, even on hostile values', () => {
    const hostile = new Proxy(new Error('x'), {
      get() {
        throw new Error('trap')
      },
    })
    expect(fromTRPCError(hostile).code).toBe('SERVER_ERROR')
    const trpc = new TRPCError({ code: 'BAD_REQUEST' })
    Object.defineProperty(trpc, 'cause', {
      get() {
        throw new Error('trap')
      },
    })
    expect(fromTRPCError(trpc, { catalog: errors }).code).toBe('BAD_REQUEST')
  })
})

describe('toTRPCError', () => {
  it('gives every catalog status its tRPC code, with the catalog error as cause', () => {
    const codes = [
      'BAD_REQUEST',
      'UNAUTHORIZED',
      'REQUEST_FAILED',
      'FORBIDDEN',
      'NOT_FOUND',
      'METHOD_NOT_ALLOWED',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'UNPROCESSABLE_CONTENT',
      'TOO_MANY_REQUESTS',
      'SERVER_ERROR',
      'BAD_GATEWAY',
      'SERVICE_UNAVAILABLE',
      'GATEWAY_TIMEOUT',
    ] as const
    const mapped = codes.map((code) => {
      const trpc = toTRPCError(errors.create(code))
      expect(trpc).toBeInstanceOf(TRPCError)
      expect(isApiError(trpc.cause, code)).toBe(true)
      return [errors.definitions[code].status, trpc.code]
    })
    expect(Object.fromEntries(mapped)).toEqual({
      400: 'BAD_REQUEST',
      401: 'UNAUTHORIZED',
      402: 'PAYMENT_REQUIRED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      405: 'METHOD_NOT_SUPPORTED',
      409: 'CONFLICT',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
      422: 'UNPROCESSABLE_CONTENT',
      429: 'TOO_MANY_REQUESTS',
      500: 'INTERNAL_SERVER_ERROR',
      502: 'BAD_GATEWAY',
      503: 'SERVICE_UNAVAILABLE',
      504: 'GATEWAY_TIMEOUT',
    })
  })

  it('carries only the public message, so even a plain tRPC formatter redacts it', () => {
    const trpc = toTRPCError(new Error('password=hunter2'))
    expect([trpc.code, trpc.message]).toEqual([
      'INTERNAL_SERVER_ERROR',
      'Something went wrong on our end',
    ])
  })

  it('round-trips through fromTRPCError', () => {
    const original = errors.create('POST_NOT_FOUND', { data: { postId: '7' } })
    expect(fromTRPCError(toTRPCError(original), { catalog: errors })).toBe(original)
    const trpc = new TRPCError({ code: 'TIMEOUT' })
    expect(toTRPCError(trpc)).toBe(trpc)
  })
})

describe('originalOf', () => {
  it('unwraps what tRPC wrapped and keeps what tRPC raised', () => {
    const thrown = new Error('boom')
    expect(originalOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: thrown }))).toBe(thrown)
    const own = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Output failed',
      cause: thrown,
    })
    expect(originalOf(own)).toBe(own)
  })
})
