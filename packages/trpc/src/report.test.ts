import { isApiError } from '@faultline/core'
import { describe, expect, it, vi } from 'vitest'
import { clientOf, errors, makeRouter, SECRET, serve, thrownBy } from '../test/app'
import type { TRPCErrorContext } from './report'
import { createTRPCErrors } from './setup'

const router = makeRouter()

describe('the reporting hook', () => {
  it('hands the hook the original error of a 500, once, as unexpected', async () => {
    const onError = vi.fn()
    const { fetch, last } = serve(router, { onError })
    await thrownBy(() => clientOf(fetch).crash.query())
    expect(onError).toHaveBeenCalledTimes(1)
    const [thrown, context] = onError.mock.calls[0] as [Error, TRPCErrorContext]
    expect(thrown).toBeInstanceOf(Error)
    expect(thrown.name).toBe('Error')
    expect(thrown.message).toBe(`connect failed: ${SECRET}`)
    expect(context).toMatchObject({
      expected: false,
      path: 'crash',
      type: 'query',
      requestId: last().headers.get('x-request-id'),
    })
    expect(context.error.code).toBe('SERVER_ERROR')
    expect(context.request).toBeInstanceOf(Request)
  })

  it('hands the hook the catalog error itself, as expected', async () => {
    const onError = vi.fn()
    const { fetch } = serve(router, { onError })
    await thrownBy(() => clientOf(fetch).post.get.query({ id: '8' }))
    const [thrown, context] = onError.mock.calls[0] as [unknown, TRPCErrorContext]
    expect(isApiError(thrown, 'POST_NOT_FOUND')).toBe(true)
    expect(context.error).toBe(thrown)
    expect(context.expected).toBe(true)
  })

  it('hands the hook the TRPCError tRPC raised itself', async () => {
    const onError = vi.fn()
    const { fetch } = serve(router, { onError })
    await fetch('http://localhost/trpc/nope')
    const [thrown, context] = onError.mock.calls[0] as [Error, TRPCErrorContext]
    expect(thrown.name).toBe('TRPCError')
    expect(context).toMatchObject({ expected: true, type: 'unknown' })
    expect(context.error.code).toBe('NOT_FOUND')
  })

  it('is called once per failed call of a batch', async () => {
    const onError = vi.fn()
    const { fetch } = serve(router, { onError })
    const client = clientOf(fetch, 'batch')
    await Promise.allSettled([
      client.crash.query(),
      client.limited.query(),
      client.ok.query(),
      client.post.get.query({ id: '9' }),
    ])
    expect(onError.mock.calls.map(([, context]) => context.error.code).sort()).toEqual([
      'POST_NOT_FOUND',
      'RATE_LIMITED',
      'SERVER_ERROR',
    ])
  })

  it('reports the same TRPCError only once', () => {
    const onError = vi.fn()
    const handler = createTRPCErrors({ onError }).onError
    const error = Object.assign(new Error('x'), { name: 'TRPCError', code: 'NOT_FOUND' })
    const input = {
      error: error as never,
      req: new Request('http://localhost/'),
      type: 'query' as const,
    }
    handler(input)
    handler(input)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('keeps the response when the hook throws or rejects, and hands waitUntil the promise', async () => {
    const waitUntil = vi.fn()
    for (const onError of [
      () => {
        throw new Error('reporter down')
      },
      () => Promise.reject(new Error('reporter down')),
    ]) {
      const response = await createTRPCErrors({ catalog: errors, onError }).fetchHandler({
        endpoint: '/trpc',
        req: new Request('http://localhost/trpc/crash'),
        router,
        createContext: () => ({ apiKey: null }),
        waitUntil,
      })
      expect(response.status).toBe(500)
    }
    expect(waitUntil).toHaveBeenCalledTimes(1)
    await expect(waitUntil.mock.calls[0]?.[0]).resolves.toBeUndefined()
  })
})
