import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it, vi } from 'vitest'
import { declareErrors } from './declared'
import { ApiError } from './error'
import { type ErrorLogRecord, type LogErrorsOptions, logErrors } from './log'
import { handleError } from './response'

// Every call the reporter makes, with its arguments: one object per line is the contract.
function capture(options: LogErrorsOptions = {}) {
  const logger = { error: vi.fn(), warn: vi.fn() }
  const onError = logErrors({ logger, ...options })
  const lines = () =>
    [...logger.error.mock.calls, ...logger.warn.mock.calls] as [ErrorLogRecord, ...unknown[]][]
  return { logger, onError, lines }
}

const request = (path = '/api/v1/posts/7?token=abc#top', init?: RequestInit) =>
  new Request(`http://x.test${path}`, init)

describe('logErrors', () => {
  it('logs a 5xx as one console.error call with one object', () => {
    const { logger, onError } = capture()
    handleError(new Error('boom'), { request: request(), requestId: 'req_1', onError })
    expect(logger.warn).not.toHaveBeenCalled()
    expect(logger.error).toHaveBeenCalledTimes(1)
    const args = logger.error.mock.calls[0] ?? []
    expect(args).toHaveLength(1)
    const record = args[0] as ErrorLogRecord
    expect(record).toMatchObject({
      level: 'error',
      message: '500 SERVER_ERROR GET /api/v1/posts/7',
      code: 'SERVER_ERROR',
      status: 500,
      requestId: 'req_1',
      method: 'GET',
      path: '/api/v1/posts/7',
      error: { name: 'Error', message: 'boom' },
    })
    expect(record.error.stack?.[0]).toMatch(/^at /)
    expect(JSON.stringify(record)).not.toContain('token=abc')
  })

  it('keeps the catalog code and status of a thrown ApiError', () => {
    const { lines, onError } = capture()
    handleError(errors.create('UPSTREAM_DOWN'), { request: request('/x'), onError })
    expect(lines()[0]?.[0]).toMatchObject({ level: 'error', code: 'UPSTREAM_DOWN', status: 503 })
    expect(lines()[0]?.[0]).not.toHaveProperty('requestId')
  })

  it('logs no 4xx by default', () => {
    const { lines, onError } = capture()
    handleError(errors.create('NOT_FOUND'), { request: request(), onError })
    expect(lines()).toEqual([])
  })

  it('logs 4xx as warnings with log4xx', () => {
    const { logger, onError } = capture({ log4xx: true })
    handleError(errors.create('VOTE_EXISTS'), { request: request(), onError })
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatchObject({
      level: 'warn',
      code: 'VOTE_EXISTS',
      status: 409,
    })
  })

  it('samples 4xx with sample4xx, and never 5xx', () => {
    const draws = [0.05, 0.5, 0.09, 0.99]
    const random = vi.fn(() => draws.shift() ?? 1)
    const { logger, onError } = capture({ log4xx: true, sample4xx: 0.1, random })
    for (let i = 0; i < 4; i++) handleError(errors.create('VOTE_EXISTS'), { onError })
    handleError(new Error('boom'), { onError })
    expect(logger.warn).toHaveBeenCalledTimes(2)
    expect(logger.error).toHaveBeenCalledTimes(1)
    expect(random).toHaveBeenCalledTimes(4)
  })

  it('takes a level per code over the default, unsampled', () => {
    const random = () => 0.99
    const { logger, onError } = capture({
      sample4xx: 0,
      random,
      levels: { REQUEST_FAILED: 'warn', UPSTREAM_DOWN: 'off', VOTE_EXISTS: 'error' },
    })
    handleError(errors.create('REQUEST_FAILED'), { onError })
    handleError(errors.create('UPSTREAM_DOWN'), { onError })
    handleError(errors.create('VOTE_EXISTS'), { onError })
    expect(logger.warn.mock.calls.map(([record]) => record.code)).toEqual(['REQUEST_FAILED'])
    expect(logger.error.mock.calls.map(([record]) => record.code)).toEqual(['VOTE_EXISTS'])
  })

  it('logs an undeclared 4xx as a warning marked undeclared, without log4xx', () => {
    const { logger, onError } = capture()
    const declared = declareErrors(errors, ['POST_NOT_FOUND'])
    handleError(errors.create('VOTE_EXISTS'), { request: request(), declared, onError })
    handleError(errors.create('POST_NOT_FOUND', { data: { postId: '7' } }), {
      request: request(),
      declared,
      onError,
    })
    expect(logger.error).not.toHaveBeenCalled()
    expect(logger.warn.mock.calls.map(([record]) => record)).toEqual([
      expect.objectContaining({ level: 'warn', code: 'VOTE_EXISTS', undeclared: true }),
    ])
  })

  it('logs the cause chain with names, messages and a few frames, bounded', () => {
    const { lines, onError } = capture({ stackFrames: 2, causeDepth: 2 })
    const root = new TypeError('socket hang up')
    const upstream = new Response('down', { status: 503 })
    const thrown = errors.create('BAD_GATEWAY', {
      message: 'search failed',
      cause: new Error('fetch failed', { cause: Object.assign(upstream, { cause: root }) }),
    })
    handleError(thrown, { onError })
    const { error } = lines()[0]?.[0] ?? ({} as ErrorLogRecord)
    expect(error.name).toBe('ApiError')
    expect(error.message).toBe('search failed')
    expect(error.stack?.length).toBeLessThanOrEqual(2)
    expect(error.cause).toMatchObject({ name: 'Error', message: 'fetch failed' })
    expect(error.cause?.cause).toMatchObject({ name: 'Response', message: 'status 503' })
    // the third cause is past causeDepth
    expect(error.cause?.cause?.cause).toBeUndefined()
  })

  it('ends a cyclic cause chain and survives odd throws', () => {
    const { lines, onError } = capture()
    const cyclic = new Error('a')
    Object.assign(cyclic, { cause: cyclic })
    const hostile = {
      get message(): string {
        throw new Error('getter')
      },
    }
    for (const thrown of [cyclic, 'plain string', null, undefined, 42, hostile]) {
      handleError(thrown, { onError })
    }
    expect(lines().map(([record]) => [record.error.name, record.error.message])).toEqual([
      ['Error', 'a'],
      ['string', 'plain string'],
      ['null', 'null'],
      ['undefined', 'undefined'],
      ['number', '42'],
      ['Object', ''],
    ])
    let depth = 0
    for (let link = lines()[0]?.[0].error; link?.cause; link = link.cause) depth++
    expect(depth).toBe(3)
  })

  it('scrubs credentials in URLs, auth schemes and app patterns everywhere', () => {
    const { lines, onError } = capture({ redact: [/sk_live_\w+/, /\b\d{16}\b/g] })
    const thrown = new Error(`Connection to ${SECRET} refused`, {
      cause: new Error('Authorization: Bearer eyJhbGci.eyJzdWIi.sig key sk_live_abc123'),
    })
    handleError(thrown, {
      request: request('/cards/4111111111111111/charge'),
      onError,
    })
    const text = JSON.stringify(lines())
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('admin')
    expect(text).not.toContain('eyJ')
    expect(text).not.toContain('sk_live')
    expect(text).not.toContain('4111111111111111')
    const record = lines()[0]?.[0]
    expect(record?.error.message).toBe(
      'Connection to postgres://[redacted]@db.internal/prod refused',
    )
    expect(record?.error.cause?.message).toBe('Authorization: Bearer [redacted] key [redacted]')
    expect(record?.path).toBe('/cards/[redacted]/charge')
  })

  it('scrubs secret parameters in URLs and messages', () => {
    const { lines, onError } = capture()
    const thrown = new Error(
      'GET https://api.example.com/v1?api_key=hunter2&page=2 failed; retry with token=hunter2#x',
      { cause: new Error('login failed: password=hunter2 access_token=hunter2') },
    )
    handleError(thrown, { onError })
    const record = lines()[0]?.[0]
    expect(record?.error.message).toBe(
      'GET https://api.example.com/v1?api_key=[redacted]&page=2 failed; retry with token=[redacted]#x',
    )
    expect(record?.error.cause?.message).toBe(
      'login failed: password=[redacted] access_token=[redacted]',
    )
  })

  it('logs the path of a request whose url is only a path', () => {
    const { lines, onError } = capture()
    const request = { method: 'POST', url: '/posts?draft=1', headers: new Headers() } as Request
    handleError(new Error('boom'), { request, onError })
    expect(lines()[0]?.[0]).toMatchObject({ method: 'POST', path: '/posts' })
  })

  it('logs the headers asked for, credentials redacted', () => {
    const { lines, onError } = capture({
      headers: ['user-agent', 'Authorization', 'cookie', 'x-api-key', 'referer', 'x-absent'],
    })
    const headers = {
      'user-agent': 'curl/8',
      authorization: 'Bearer hunter2',
      cookie: 'session=hunter2',
      'x-api-key': 'hunter2',
      referer: 'https://admin:hunter2@example.com/',
    }
    handleError(new Error('boom'), { request: request('/', { headers }), onError })
    expect(lines()[0]?.[0].headers).toEqual({
      'user-agent': 'curl/8',
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      referer: 'https://[redacted]@example.com/',
    })
  })

  it('logs no headers unless asked', () => {
    const { lines, onError } = capture()
    const headers = { authorization: 'Bearer hunter2' }
    handleError(new Error('boom'), { request: request('/', { headers }), onError })
    expect(lines()[0]?.[0]).not.toHaveProperty('headers')
  })

  it('adds the app fields, and the tRPC procedure when the context has one', () => {
    const { lines, onError } = capture({ fields: { service: 'feedback-api' } })
    const error = errors.create('SERVER_ERROR')
    onError(error, { error, expected: false, path: 'posts.list' } as Parameters<typeof onError>[1])
    expect(lines()[0]?.[0]).toMatchObject({
      service: 'feedback-api',
      procedure: 'posts.list',
      message: '500 SERVER_ERROR',
    })
  })

  it('never throws, even when the logger does, and ignores inherited names in levels', () => {
    const logger = {
      error: () => {
        throw new Error('disk full')
      },
      warn: vi.fn(),
    }
    const onError = logErrors({ logger })
    const error = errors.create('SERVER_ERROR')
    expect(() => onError(error, { error, expected: false })).not.toThrow()
    const warn = vi.fn()
    const inherited = logErrors({ log4xx: true, logger: { error: vi.fn(), warn } })
    const odd = new ApiError({ code: 'toString', status: 404 })
    inherited(odd, { error: odd, expected: true })
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('logs to console by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      handleError(new Error('boom'), { onError: logErrors() })
      expect(spy).toHaveBeenCalledTimes(1)
      expect(spy.mock.calls[0]?.[0]).toMatchObject({ level: 'error', code: 'SERVER_ERROR' })
    } finally {
      spy.mockRestore()
    }
  })
})
