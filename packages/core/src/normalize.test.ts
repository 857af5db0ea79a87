import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { API_ERROR } from './brand'
import { defineErrors } from './catalog'
import { ApiError, toBody } from './error'
import { createError, defaultCatalog, fromStatus, toApiError } from './normalize'

const cyclic: Record<string, unknown> = { message: SECRET }
cyclic.self = cyclic

const throwingGetters = Object.defineProperties(
  {},
  {
    status: {
      get() {
        throw new Error(SECRET)
      },
    },
    message: {
      get() {
        throw new Error(SECRET)
      },
    },
  },
)

const throwingToString = {
  toString() {
    throw new Error(SECRET)
  },
  [Symbol.toPrimitive]() {
    throw new Error(SECRET)
  },
}

const hostileProxy = new Proxy(
  {},
  {
    get() {
      throw new Error(SECRET)
    },
    has() {
      throw new Error(SECRET)
    },
    getPrototypeOf() {
      throw new Error(SECRET)
    },
    ownKeys() {
      throw new Error(SECRET)
    },
    getOwnPropertyDescriptor() {
      throw new Error(SECRET)
    },
  },
)

class HttpLikeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

describe('toApiError', () => {
  it.each([
    ['an Error', new Error(SECRET)],
    ['a TypeError', new TypeError(SECRET)],
    ['a string', SECRET],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a symbol', Symbol(SECRET)],
    ['a bigint', 10n],
    ['a function', () => SECRET],
    ['a plain object', { message: SECRET }],
    ['a cyclic object', cyclic],
    ['a frozen object', Object.freeze({ message: SECRET })],
    ['an object whose getters throw', throwingGetters],
    ['an object whose toString throws', throwingToString],
    ['a proxy that throws on every trap', hostileProxy],
    ['an object with a 2xx status', { status: 200, message: SECRET }],
    ['an object with a non-numeric status', { status: '404', message: SECRET }],
  ])('turns %s into a redacted SERVER_ERROR that keeps the original as cause', (_, thrown) => {
    const error = toApiError(thrown, { catalog: errors })
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(500)
    expect(JSON.stringify(error)).toBe(
      '{"code":"SERVER_ERROR","message":"Something went wrong on our end"}',
    )
    expect(error.cause).toBe(thrown)
  })

  it('keeps the thrown message on the server side, for reporting and local development', () => {
    expect(toApiError(new Error('boom')).message).toBe('boom')
    expect(toApiError('boom').message).toBe('boom')
    expect(toBody(toApiError(new Error('boom')), { exposeServerErrors: true }).message).toBe('boom')
    expect(toBody(toApiError(new Error('boom'))).message).toBe('Something went wrong on our end')
  })

  it('uses the SERVER_ERROR entry of the given catalog', () => {
    const custom = defineErrors({ SERVER_ERROR: { status: 500, message: 'Oops' } })
    expect(toBody(toApiError(null, { catalog: custom }))).toEqual({
      code: 'SERVER_ERROR',
      message: 'Oops',
    })
  })

  it('returns a catalog error as it is', () => {
    const error = errors.create('VOTE_EXISTS')
    expect(toApiError(error, { catalog: errors })).toBe(error)
  })

  it('maps an error with an HTTP status to the catalog code and keeps its 4xx message', () => {
    const error = toApiError(new HttpLikeError(401, 'Token expired'), { catalog: errors })
    expect(toBody(error)).toEqual({ code: 'UNAUTHORIZED', message: 'Token expired' })
    expect(error.status).toBe(401)
  })

  it('reads statusCode too, and redacts the message of a 5xx', () => {
    const error = toApiError({ statusCode: 503, message: SECRET }, { catalog: errors })
    expect(toBody(error)).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' })
  })

  it('uses the default message when a 4xx error has none', () => {
    expect(toBody(toApiError({ status: 404 }, { catalog: errors }))).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
    })
  })

  it('falls back to BAD_REQUEST or SERVER_ERROR by class, keeping the status', () => {
    const teapot = toApiError(new HttpLikeError(418, "I'm a teapot"), { catalog: errors })
    expect([teapot.code, teapot.status, teapot.message]).toEqual([
      'BAD_REQUEST',
      418,
      "I'm a teapot",
    ])
    const loop = toApiError({ status: 508 }, { catalog: errors })
    expect([loop.code, loop.status]).toEqual(['SERVER_ERROR', 508])
  })

  it('works with a catalog that lacks the default codes', () => {
    const bare = defineErrors({ GONE: { status: 410, message: 'Gone' } })
    expect(toBody(toApiError({ status: 404 }, { catalog: bare }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Bad request',
    })
    expect(toBody(toApiError(new Error('x'), { catalog: bare })).code).toBe('SERVER_ERROR')
  })

  it('rebuilds an error from another copy of the package', () => {
    const foreign = {
      [API_ERROR]: true,
      name: 'ApiError',
      code: 'POST_NOT_FOUND',
      status: 404,
      message: 'No post p_1',
      defaultMessage: 'Post not found',
      data: { postId: 'p_1' },
      retryAfter: undefined,
      expose: false,
    }
    const error = toApiError(foreign, { catalog: errors })
    expect(error).toBeInstanceOf(ApiError)
    expect(toBody(error)).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'No post p_1',
      data: { postId: 'p_1' },
    })
    expect(error.cause).toBe(foreign)
  })

  it('redacts a 5xx from another copy unless it is exposable', () => {
    const foreign = { [API_ERROR]: true, code: 'BAD_GATEWAY', status: 502, message: SECRET }
    expect(JSON.stringify(toApiError(foreign, { catalog: errors }))).toBe(
      '{"code":"BAD_GATEWAY","message":"Bad gateway"}',
    )
  })

  it('uses the default catalog when none is given', () => {
    expect(toApiError({ status: 409 }).code).toBe('CONFLICT')
  })

  it('does not capture a stack for what it normalises: the cause has it', () => {
    expect(toApiError(new Error('x')).stack).not.toMatch(/\n\s+at /)
  })
})

describe('createError', () => {
  it("uses the given catalog's entry, else the default one", () => {
    const custom = defineErrors({ NOT_FOUND: { status: 404, message: 'Nothing here' } })
    expect(toBody(createError('NOT_FOUND', { catalog: custom }))).toEqual({
      code: 'NOT_FOUND',
      message: 'Nothing here',
    })
    const tooLarge = createError('PAYLOAD_TOO_LARGE', {
      catalog: custom,
      headers: { 'x-limit': '1' },
    })
    expect([tooLarge.status, tooLarge.message, tooLarge.headers]).toEqual([
      413,
      'Payload too large',
      { 'x-limit': '1' },
    ])
    expect(createError('CONFLICT').status).toBe(409)
  })
})

describe('fromStatus', () => {
  it('builds the error for a status', () => {
    expect(toBody(fromStatus(429, { catalog: errors }))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests',
    })
  })
})

describe('defaultCatalog', () => {
  it('is made once', () => {
    expect(defaultCatalog()).toBe(defaultCatalog())
    expect(defaultCatalog().create('NOT_FOUND').status).toBe(404)
  })
})
