import { defaultErrors, defineErrors, isApiError } from '@faultline/core'
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, httpLink } from '@trpc/client'
import { initTRPC, TRPCError } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type AppRouter, clientOf, errors, makeRouter, serve, thrownBy } from '../test/app'
import { fromTRPCClientError } from './client'

const router = makeRouter()

function clientFor(fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  return [
    createTRPCClient<AppRouter>({ links: [httpLink({ url: 'http://localhost/trpc', fetch })] }),
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: 'http://localhost/trpc', fetch })],
    }),
  ] as const
}

describe('fromTRPCClientError, against a Faultline server', () => {
  it('gives the typed catalog error with its data and request id', async () => {
    const { fetch, last } = serve(router)
    const thrown = await thrownBy(() => clientOf(fetch).post.get.query({ id: '8' }))
    const error = fromTRPCClientError(thrown, { catalog: errors })
    expect(isApiError(error, 'POST_NOT_FOUND')).toBe(true)
    expect(errors.is(error, 'POST_NOT_FOUND')).toBe(true)
    expect(error.status).toBe(404)
    expect(error.requestId).toBe(last().headers.get('x-request-id'))
    if (error.code !== 'POST_NOT_FOUND') throw new Error('not narrowed')
    expect(error.data.postId).toBe('8')
    expect({ ...error.toJSON(), requestId: 'id' }).toMatchInlineSnapshot(`
      {
        "code": "POST_NOT_FOUND",
        "data": {
          "postId": "8",
        },
        "message": "Post not found",
        "requestId": "id",
      }
    `)
  })

  for (const link of ['http', 'batch'] as const) {
    it(`reads Retry-After of a 429 into retryAfter (${link} link)`, async () => {
      const { fetch } = serve(router)
      const error = fromTRPCClientError(
        await thrownBy(() => clientOf(fetch, link).limited.query()),
        { catalog: errors },
      )
      expect([error.code, error.status, error.retryAfter]).toEqual(['RATE_LIMITED', 429, 30])
    })
  }

  it('gives the validation issues of a VALIDATION_ERROR', async () => {
    const { fetch } = serve(router)
    const thrown = await thrownBy(() => clientOf(fetch).post.create.mutate({ title: '', tags: [] }))
    const error = fromTRPCClientError(thrown, { catalog: errors })
    expect(error.code).toBe('VALIDATION_ERROR')
    expect(error.errors).toEqual([
      {
        code: 'too_small',
        message: 'Too small: expected string to have >=3 characters',
        path: '/title',
      },
    ])
  })

  it('gives the redacted 500 and the status of each call of a mixed batch', async () => {
    const { fetch } = serve(router)
    const client = clientOf(fetch, 'batch')
    const results = await Promise.allSettled([client.crash.query(), client.post.vote.mutate()])
    const codes = results.map((result) => {
      const error = fromTRPCClientError(result.status === 'rejected' ? result.reason : null, {
        catalog: errors,
      })
      return [error.code, error.status, error.message]
    })
    expect(codes).toEqual([
      ['SERVER_ERROR', 500, 'Something went wrong on our end'],
      ['API_KEY_INVALID', 401, 'Invalid API key'],
    ])
  })

  it('reads the catalog status from the shape of a streamed batch, whose response is a 200', async () => {
    const { fetch, last } = serve(router)
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchStreamLink({ url: 'http://localhost/trpc', fetch })],
    })
    const results = await Promise.allSettled([client.limited.query(), client.crash.query()])
    expect(last().status).toBe(200)
    expect(last().body).not.toContain('hunter2')
    const seen = results.map((result) => {
      const error = fromTRPCClientError(result.status === 'rejected' ? result.reason : null, {
        catalog: errors,
      })
      return [error.code, error.status]
    })
    expect(seen).toEqual([
      ['RATE_LIMITED', 429],
      ['SERVER_ERROR', 500],
    ])
  })

  it('falls back on the status for a code the client catalog does not know', async () => {
    const { fetch } = serve(router)
    const older = defineErrors(defaultErrors)
    const thrown = await thrownBy(() => clientOf(fetch).post.vote.mutate())
    expect(fromTRPCClientError(thrown, { catalog: older })).toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401,
    })
  })
})

describe('fromTRPCClientError, against a server without Faultline', () => {
  const t = initTRPC.create({ isDev: false })
  const plain = t.router({
    missing: t.procedure.query(() => {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'No such post' })
    }),
    upstream: t.procedure.query(() => {
      throw new TRPCError({ code: 'BAD_GATEWAY' })
    }),
    taken: t.procedure.mutation(() => {
      throw new TRPCError({ code: 'CONFLICT' })
    }),
    rename: t.procedure.input(z.string()).mutation(({ input }) => input),
  })

  it("maps tRPC's own code and status to the catalog", async () => {
    const { fetch } = serve(plain)
    const client = createTRPCClient<typeof plain>({
      links: [httpBatchLink({ url: 'http://localhost/trpc', fetch })],
    })
    const results = await Promise.allSettled([
      client.missing.query(),
      client.upstream.query(),
      client.taken.mutate(),
    ])
    const seen = results.map((result) => {
      const error = fromTRPCClientError(result.status === 'rejected' ? result.reason : null, {
        catalog: errors,
      })
      return [error.code, error.status, error.message]
    })
    expect(seen).toEqual([
      ['NOT_FOUND', 404, 'Not found'],
      ['BAD_GATEWAY', 502, 'Bad gateway'],
      ['CONFLICT', 409, 'Conflict'],
    ])
  })

  it('maps a parse error and a wrong method', async () => {
    const { fetch } = serve(plain)
    const client = createTRPCClient<typeof plain>({
      links: [httpLink({ url: 'http://localhost/trpc', fetch: (url) => fetch(url) })],
    })
    const wrongMethod = fromTRPCClientError(await thrownBy(() => client.taken.mutate()), {
      catalog: errors,
    })
    expect([wrongMethod.code, wrongMethod.status]).toEqual(['METHOD_NOT_ALLOWED', 405])
    const broken = createTRPCClient<typeof plain>({
      links: [
        httpLink({
          url: 'http://localhost/trpc',
          fetch: (url) =>
            fetch(url, {
              method: 'POST',
              body: '{',
              headers: { 'content-type': 'application/json' },
            }),
        }),
      ],
    })
    const parse = fromTRPCClientError(await thrownBy(() => broken.rename.mutate('x')), {
      catalog: errors,
    })
    expect([parse.code, parse.status]).toEqual(['BAD_REQUEST', 400])
  })

  it('maps a serialised client error that only kept the JSON-RPC code', () => {
    const like = { message: 'gone', shape: { code: -32004, message: 'gone' }, data: undefined }
    expect(fromTRPCClientError(like, { catalog: errors })).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    })
  })
})

describe('fromTRPCClientError, when no tRPC answer arrives', () => {
  it('gives BAD_GATEWAY for an HTML page from a proxy', async () => {
    const html = async () =>
      new Response('<html><body>502 Bad Gateway</body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      })
    for (const client of clientFor(html)) {
      const thrown = await thrownBy(() => client.ok.query())
      expect(thrown).toMatchObject({ name: 'TRPCClientError', data: undefined })
      expect(fromTRPCClientError(thrown, { catalog: errors })).toMatchObject({
        code: 'BAD_GATEWAY',
        status: 502,
        message: 'Bad gateway',
      })
    }
  })

  it('gives the code for the status of a JSON answer of another shape, with Retry-After', async () => {
    const json = async () =>
      Response.json({ message: 'rate limited' }, { status: 429, headers: { 'retry-after': '7' } })
    for (const client of clientFor(json)) {
      const error = fromTRPCClientError(await thrownBy(() => client.ok.query()), {
        catalog: errors,
      })
      expect([error.code, error.status, error.retryAfter]).toEqual(['TOO_MANY_REQUESTS', 429, 7])
    }
  })

  it('gives BAD_GATEWAY for a network failure and 499 for an aborted call', async () => {
    const down = async () => {
      throw new TypeError('fetch failed')
    }
    const [client] = clientFor(down)
    const network = fromTRPCClientError(await thrownBy(() => client.ok.query()), {
      catalog: errors,
    })
    expect([network.code, network.status]).toEqual(['BAD_GATEWAY', 502])

    const { fetch } = serve(makeRouter())
    const [slow] = clientFor(fetch)
    const controller = new AbortController()
    controller.abort()
    const aborted = fromTRPCClientError(
      await thrownBy(() => slow.ok.query(undefined, { signal: controller.signal })),
      { catalog: errors },
    )
    expect([aborted.code, aborted.status]).toEqual(['BAD_REQUEST', 499])
  })

  it('normalises what is not a tRPC client error like toApiError', () => {
    const own = errors.create('VOTE_EXISTS')
    expect(fromTRPCClientError(own, { catalog: errors })).toBe(own)
    expect(fromTRPCClientError(new TypeError('x is undefined'), { catalog: errors })).toMatchObject(
      {
        code: 'SERVER_ERROR',
        status: 500,
      },
    )
    expect(fromTRPCClientError(undefined)).toMatchObject({ code: 'SERVER_ERROR' })
  })
})
