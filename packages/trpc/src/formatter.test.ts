import { initTRPC } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { clientOf, errors, makeRouter, serve, statusCodes, thrownBy } from '../test/app'
import { createTRPCErrors } from './setup'

const router = makeRouter({ isDev: false })

describe('the error formatter', () => {
  it('keeps the tRPC envelope and adds the catalog error under data.error', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch).post.get.query({ id: '8' }))
    expect(last().status).toBe(404)
    expect(JSON.parse(last().body)).toEqual({
      error: {
        message: 'Post not found',
        code: -32004,
        data: {
          code: 'NOT_FOUND',
          httpStatus: 404,
          path: 'post.get',
          error: {
            code: 'POST_NOT_FOUND',
            message: 'Post not found',
            data: { postId: '8' },
            requestId: last().headers.get('x-request-id'),
          },
        },
      },
    })
  })

  for (const link of ['http', 'batch'] as const) {
    it(`sends every status of the convention with its catalog code (${link} link)`, async () => {
      const { fetch, last } = serve(router)
      const client = clientOf(fetch, link)
      const seen: unknown[] = []
      for (const code of statusCodes) {
        await thrownBy(() => client.fail.query({ code }))
        const { error } = JSON.parse(last().body)[0] ?? JSON.parse(last().body)
        seen.push([last().status, error.data.httpStatus, error.data.code, error.data.error.code])
        expect(error.message).toBe(errors.definitions[code].message)
      }
      expect(seen).toEqual([
        [400, 400, 'BAD_REQUEST', 'BAD_REQUEST'],
        [401, 401, 'UNAUTHORIZED', 'UNAUTHORIZED'],
        [402, 402, 'PAYMENT_REQUIRED', 'REQUEST_FAILED'],
        [403, 403, 'FORBIDDEN', 'FORBIDDEN'],
        [404, 404, 'NOT_FOUND', 'NOT_FOUND'],
        [409, 409, 'CONFLICT', 'CONFLICT'],
        [429, 429, 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS'],
        [500, 500, 'INTERNAL_SERVER_ERROR', 'SERVER_ERROR'],
        [502, 502, 'BAD_GATEWAY', 'BAD_GATEWAY'],
        [503, 503, 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
        [504, 504, 'GATEWAY_TIMEOUT', 'GATEWAY_TIMEOUT'],
      ])
    })
  }

  it('maps an unknown procedure to NOT_FOUND 404 without echoing its path', async () => {
    const { fetch, last } = serve(router)
    const path = `nope${'x'.repeat(5000)}`
    const response = await fetch(`http://localhost/trpc/${path}`)
    expect(response.status).toBe(404)
    const { error } = JSON.parse(last().body)
    expect(error.data.error).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
      requestId: response.headers.get('x-request-id'),
    })
    expect(last().body).not.toContain(path)
  })

  it('maps a body that is not JSON to BAD_REQUEST without quoting it', async () => {
    const { fetch, last } = serve(router)
    await fetch('http://localhost/trpc/post.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'not json hunter2',
    })
    expect(last().status).toBe(400)
    expect(last().body).not.toContain('hunter2')
    expect(JSON.parse(last().body).error.data.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON',
    })
  })

  it('maps a GET to a mutation to METHOD_NOT_ALLOWED 405 with Allow', async () => {
    const { fetch, last } = serve(router)
    await fetch('http://localhost/trpc/post.create')
    expect(last().status).toBe(405)
    expect(last().headers.get('allow')).toBe('POST')
    expect(JSON.parse(last().body).error).toMatchObject({
      code: -32005,
      data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 },
    })
    expect(JSON.parse(last().body).error.data.error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('maps a TRPCError thrown in a procedure through its code', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch).teapot.query())
    expect(last().status).toBe(402)
    expect(JSON.parse(last().body).error.data.error).toMatchObject({
      code: 'REQUEST_FAILED',
      message: 'Card declined',
    })
  })

  it('maps a catalog error thrown in a middleware', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch).post.vote.mutate())
    expect(last().status).toBe(401)
    expect(JSON.parse(last().body).error.data.error.code).toBe('API_KEY_INVALID')
  })

  it('maps a catalog error thrown in createContext', async () => {
    const { fetch, last } = serve(router, {
      createContext: () => {
        throw errors.create('FORBIDDEN', { message: 'Key revoked' })
      },
    })
    await thrownBy(() => clientOf(fetch).ok.query())
    expect(last().status).toBe(403)
    expect(JSON.parse(last().body).error).toMatchObject({
      message: 'Key revoked',
      code: -32003,
      data: { code: 'FORBIDDEN', httpStatus: 403, error: { code: 'FORBIDDEN' } },
    })
  })

  it('keeps a catalog status tRPC has no code for, with the class code', async () => {
    const gone = errors.extend({ POST_GONE: { status: 410, message: 'Post deleted' } })
    const t = initTRPC.create({
      isDev: false,
      errorFormatter: createTRPCErrors({ catalog: gone }).errorFormatter,
    })
    const app = t.router({
      old: t.procedure.query(() => {
        throw gone.create('POST_GONE')
      }),
    })
    const { fetch, last } = serve(app)
    await fetch('http://localhost/trpc/old')
    expect(last().status).toBe(410)
    expect(JSON.parse(last().body).error).toMatchObject({
      code: -32600,
      data: { code: 'BAD_REQUEST', httpStatus: 410, error: { code: 'POST_GONE' } },
    })
  })

  it('hands a format callback the Faultline shape to extend', async () => {
    const t = initTRPC.create({
      isDev: false,
      errorFormatter: createTRPCErrors({
        catalog: errors,
        format: ({ shape, apiError, path }) => ({
          ...shape,
          data: { ...shape.data, retryable: apiError.status >= 500, where: path },
        }),
      }).errorFormatter,
    })
    const app = t.router({
      down: t.procedure.query(() => {
        throw errors.create('BAD_GATEWAY')
      }),
    })
    const { fetch, last } = serve(app)
    await fetch('http://localhost/trpc/down')
    expect(last().status).toBe(502)
    expect(JSON.parse(last().body).error.data).toMatchObject({
      retryable: true,
      where: 'down',
      error: { code: 'BAD_GATEWAY', message: 'Bad gateway' },
    })
  })

  it('falls back to the Faultline shape when the format callback throws', async () => {
    const t = initTRPC.create({
      errorFormatter: createTRPCErrors({
        format: () => {
          throw new Error(`format failed ${SECRET_IN_FORMAT}`)
        },
      }).errorFormatter,
    })
    const app = t.router({
      crash: t.procedure.query(() => {
        throw new Error(SECRET_IN_FORMAT)
      }),
    })
    const { fetch, last } = serve(app)
    await fetch('http://localhost/trpc/crash')
    expect(last().status).toBe(500)
    expect(last().body).not.toContain(SECRET_IN_FORMAT)
    expect(JSON.parse(last().body).error.data.error.code).toBe('SERVER_ERROR')
  })

  it('drops data that cannot be serialised instead of failing the batch', async () => {
    const t = initTRPC.create({
      isDev: false,
      errorFormatter: createTRPCErrors({ catalog: errors }).errorFormatter,
    })
    const app = t.router({
      odd: t.procedure.query(() => {
        throw errors.create('CONFLICT', { data: { n: 1n } as never })
      }),
      ok: t.procedure.query(() => 'ok'),
    })
    const { fetch, last } = serve(app)
    const response = await fetch('http://localhost/trpc/odd,ok?batch=1&input={}')
    expect(response.status).toBe(207)
    expect(JSON.parse(last().body)).toEqual([
      {
        error: {
          message: 'Conflict',
          code: -32009,
          data: {
            code: 'CONFLICT',
            httpStatus: 409,
            path: 'odd',
            error: { code: 'CONFLICT', message: 'Conflict', requestId: expect.any(String) },
          },
        },
      },
      { result: { data: 'ok' } },
    ])
  })
})

const SECRET_IN_FORMAT = 'sk_live_formatter_secret'
