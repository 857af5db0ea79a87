import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'
import { fromTRPCClientError } from '../../src/index'
import { clientOf, errors, makeRouter, SECRET, serve, thrownBy } from '../app'

describe('on workerd', () => {
  it('runs where tRPC defaults isDev to true and would send the stack and the secret', async () => {
    const t = initTRPC.create()
    const plain = t.router({
      crash: t.procedure.query(() => {
        throw new Error(`connect failed: ${SECRET}`)
      }),
    })
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://localhost/trpc/crash'),
      router: plain,
    })
    const body = await response.text()
    expect(navigator.userAgent).toBe('Cloudflare-Workers')
    expect(body).toContain(SECRET)
    expect(JSON.parse(body).error.data.stack).toContain('connect failed')
  })

  it('sends no stack and no secret with the Faultline formatter and isDev left at its default', async () => {
    const { fetch, last } = serve(makeRouter())
    const client = clientOf(fetch, 'batch', { 'x-request-id': 'req_edge_1' })
    const results = await Promise.allSettled([
      client.crash.query(),
      client.crashObject.query(),
      client.limited.query(),
    ])
    expect(last().status).toBe(207)
    expect(last().body).not.toContain('hunter2')
    expect(last().body).not.toContain('stack')
    expect(last().headers.get('x-request-id')).toBe('req_edge_1')
    expect(last().headers.get('retry-after')).toBe('30')
    const seen = results.map((result) => {
      const error = fromTRPCClientError(result.status === 'rejected' ? result.reason : null, {
        catalog: errors,
      })
      return [error.code, error.status, error.message, error.requestId]
    })
    expect(seen).toEqual([
      ['SERVER_ERROR', 500, 'Something went wrong on our end', 'req_edge_1'],
      ['SERVER_ERROR', 500, 'Something went wrong on our end', 'req_edge_1'],
      ['RATE_LIMITED', 429, 'Slow down', 'req_edge_1'],
    ])
  })

  it('sends 402 and 502 with their statuses', async () => {
    const { fetch, last } = serve(makeRouter())
    const client = clientOf(fetch)
    await thrownBy(() => client.fail.query({ code: 'REQUEST_FAILED' }))
    expect(last().status).toBe(402)
    await thrownBy(() => client.fail.query({ code: 'BAD_GATEWAY' }))
    expect(last().status).toBe(502)
  })
})
