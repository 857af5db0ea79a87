import { initTRPC } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { clientOf, makeRouter, SECRET, serve, thrownBy } from '../test/app'

const crashes = ['crash', 'crashString', 'crashObject', 'crashTRPC'] as const

describe('redaction of 5xx', () => {
  it('is needed: tRPC alone sends the secret and the stack when isDev is left at its default', async () => {
    const t = initTRPC.create()
    const plain = t.router({
      crash: t.procedure.query(() => {
        throw new Error(`connect failed: ${SECRET}`)
      }),
    })
    const { fetch, last } = serve(plain)
    await fetch('http://localhost/trpc/crash')
    expect(last().body).toContain(SECRET)
    expect(JSON.parse(last().body).error.data.stack).toContain('Error: connect failed')
  })

  for (const isDev of [undefined, true, false]) {
    it(`hides the message, stack and cause of a 500 from the client (isDev: ${isDev})`, async () => {
      const { fetch, last } = serve(makeRouter(isDev === undefined ? {} : { isDev }))
      const response = await fetch(`http://localhost/trpc/${crashes.join(',')}?batch=1&input={}`)
      expect(response.status).toBe(500)
      expect(last().body).not.toContain('hunter2')
      expect(last().body).not.toContain('stack')
      expect(last().body).not.toContain('    at ')
      const shapes = JSON.parse(last().body).map((entry: { error: unknown }) => entry.error)
      expect(shapes).toHaveLength(4)
      for (const shape of shapes) {
        expect(shape).toEqual({
          message: 'Something went wrong on our end',
          code: -32603,
          data: {
            code: 'INTERNAL_SERVER_ERROR',
            httpStatus: 500,
            path: expect.any(String),
            error: {
              code: 'SERVER_ERROR',
              message: 'Something went wrong on our end',
              requestId: response.headers.get('x-request-id'),
            },
          },
        })
      }
    })
  }

  it('gives the tRPC client only the catalog message of a 500', async () => {
    const { fetch, last } = serve(makeRouter())
    const thrown = await thrownBy(() => clientOf(fetch).crash.query())
    expect(last().status).toBe(500)
    expect(thrown).toMatchObject({
      name: 'TRPCClientError',
      message: 'Something went wrong on our end',
    })
  })

  it('sends the message of a 5xx marked exposable', async () => {
    const { fetch, last } = serve(makeRouter())
    await thrownBy(() => clientOf(fetch).crashExposed.query())
    expect(last().status).toBe(503)
    expect(JSON.parse(last().body).error).toMatchObject({
      message: 'Maintenance until 10:00',
      data: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Maintenance until 10:00' } },
    })
  })

  it('keeps the message of a 4xx', async () => {
    const { fetch, last } = serve(makeRouter())
    await thrownBy(() => clientOf(fetch).teapot.query())
    expect(JSON.parse(last().body).error.message).toBe('Card declined')
  })
})
