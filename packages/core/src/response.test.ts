import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it, vi } from 'vitest'
import { problemDetails } from './problem'
import { handleError, reportAndRender } from './response'

const headersOf = (response: Response) => Object.fromEntries(response.headers)

describe('rendering an ApiError', () => {
  it('answers JSON by default', async () => {
    const response = handleError(errors.create('VOTE_EXISTS'), {
      request: new Request('http://x.test/api/v1/posts/1/votes'),
    })
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

  it('answers a HEAD request with the headers of the error and no body', async () => {
    for (const accept of ['application/json', 'application/problem+json']) {
      const request = new Request('http://x.test/posts', { method: 'HEAD', headers: { accept } })
      const response = handleError(errors.create('POST_NOT_FOUND', { data: { postId: '7' } }), {
        request,
        requestId: 'req_1',
        problemDetails,
      })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toMatch(accept)
      expect(response.headers.get('x-request-id')).toBe('req_1')
      expect(response.body).toBeNull()
    }
  })

  it('answers Problem Details when the request prefers them', async () => {
    const request = new Request('http://x.test/api/v1/posts/p_1?token=secret', {
      headers: { accept: 'application/problem+json' },
    })
    const error = errors.create('TOO_MANY_REQUESTS', { retryAfter: 30 })
    const response = handleError(error, { request, requestId: 'req_1', problemDetails })
    expect(response.status).toBe(429)
    expect(headersOf(response)).toEqual({
      'cache-control': 'no-store',
      'content-type': 'application/problem+json',
      'retry-after': '30',
      vary: 'accept',
      'x-request-id': 'req_1',
    })
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Too many requests',
      instance: '/api/v1/posts/p_1',
      code: 'TOO_MANY_REQUESTS',
      requestId: 'req_1',
    })
  })

  it('answers JSON with the same headers to a request that prefers Problem Details, unless asked', async () => {
    const request = new Request('http://x.test/api/v1/posts/p_1', {
      headers: { accept: 'application/problem+json' },
    })
    const response = handleError(errors.create('VOTE_EXISTS'), { request })
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

  it('leaves out an instance path long enough to be an echo of hostile input', async () => {
    const long = `/api/v1/${'a'.repeat(300)}`
    const request = new Request(`http://x.test${long}`, {
      headers: { accept: 'application/problem+json' },
    })
    const body = await handleError(errors.create('NOT_FOUND'), { request, problemDetails }).json()
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Not found',
      code: 'NOT_FOUND',
    })
  })

  it('sends 5xx messages only when asked to', async () => {
    const error = errors.create('SERVER_ERROR', { message: 'stack overflow in render' })
    expect(await handleError(error).json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
    expect(await handleError(error, { exposeServerErrors: true }).json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'stack overflow in render',
    })
  })
})

describe('reportAndRender', () => {
  it('gives status, headers and body without building a Response', () => {
    const onError = vi.fn()
    const rendered = reportAndRender(errors.create('TOO_MANY_REQUESTS', { retryAfter: 9 }), {
      catalog: errors,
      onError,
      requestId: 'req_3',
    })
    expect(rendered).toMatchObject({
      status: 429,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        vary: 'accept',
        'retry-after': '9',
        'x-request-id': 'req_3',
      },
      body: '{"code":"TOO_MANY_REQUESTS","message":"Too many requests","requestId":"req_3"}',
    })
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

describe('handleError', () => {
  const request = new Request('http://x.test/boom')

  it('never puts a planted secret in the body', async () => {
    const thrown = new Error(`connect to postgres://admin:${SECRET}@db`)
    const response = handleError(thrown, { request, catalog: errors })
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(text).toBe('{"code":"SERVER_ERROR","message":"Something went wrong on our end"}')
    expect(text).not.toContain(SECRET)
  })

  it('reports the original once, telling expected errors from unexpected ones', () => {
    const onError = vi.fn()
    const thrown = new Error(SECRET)
    handleError(thrown, { request, catalog: errors, onError })
    handleError(errors.create('VOTE_EXISTS'), { request, catalog: errors, onError })
    expect(onError).toHaveBeenCalledTimes(2)
    const [first, second] = onError.mock.calls
    expect(first?.[0]).toBe(thrown)
    expect(first?.[1]).toMatchObject({ request, expected: false, error: { code: 'SERVER_ERROR' } })
    expect(second?.[1]).toMatchObject({ expected: true, error: { code: 'VOTE_EXISTS' } })
  })

  it('answers even when the reporting hook throws', async () => {
    const response = handleError('boom', {
      onError: () => {
        throw new Error('tracker down')
      },
    })
    expect(response.status).toBe(500)
  })

  it('hands an async hook to waitUntil and swallows its rejection', async () => {
    const waitUntil = vi.fn()
    handleError('boom', { onError: () => Promise.reject(new Error('tracker down')), waitUntil })
    expect(waitUntil).toHaveBeenCalledTimes(1)
    await expect(waitUntil.mock.calls[0]?.[0]).resolves.toBeUndefined()
  })

  it('swallows the rejection of an async hook without waitUntil too', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      handleError('boom', { onError: () => Promise.reject(new Error('tracker down')) })
      await new Promise((resolve) => setTimeout(resolve, 10))
    } finally {
      process.off('unhandledRejection', record)
    }
    expect(unhandled).toEqual([])
  })

  it('adds the request id to body, header and report', async () => {
    const onError = vi.fn()
    const response = handleError(errors.create('VOTE_EXISTS'), { requestId: 'req_9', onError })
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ requestId: 'req_9' })
    expect(response.headers.get('x-request-id')).toBe('req_9')
    expect(await response.json()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
      requestId: 'req_9',
    })
  })

  it('survives data that cannot be serialised', async () => {
    const data = { postId: 'p' } as Record<string, unknown>
    data.self = data
    const response = handleError(
      errors.create('POST_NOT_FOUND', { data: data as { postId: string } }),
    )
    expect(await response.json()).toEqual({ code: 'POST_NOT_FOUND', message: 'Post not found' })
  })
})
