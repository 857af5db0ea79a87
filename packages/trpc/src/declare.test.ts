import type { ErrorContext } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { createTRPCClient, httpLink, safe } from '@trpc/client'
import { initTRPC } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fromTRPCClientError } from './client'
import { createTRPCErrors } from './setup'

/** A router whose `post.get` declares POST_NOT_FOUND and throws the code it is asked for. */
function app(undeclared?: 'fail') {
  const heard: [string, number, boolean | undefined][] = []
  const trpcErrors = createTRPCErrors({
    catalog: errors,
    common: ['UNAUTHORIZED', 'VALIDATION_ERROR', 'SERVER_ERROR'],
    undeclared,
    onError: (_, { error, undeclared }: ErrorContext) => {
      heard.push([error.code, error.status, undeclared])
    },
  })
  const t = initTRPC.create({ errorFormatter: trpcErrors.errorFormatter })
  const router = t.router({
    get: t.procedure
      .errors(trpcErrors.declare('POST_NOT_FOUND'))
      .input(z.object({ code: z.enum(['POST_NOT_FOUND', 'VOTE_EXISTS', 'UNAUTHORIZED']) }))
      .query(({ input }) => {
        throw errors.create(input.code)
      }),
    plain: t.procedure.query(() => {
      throw errors.create('VOTE_EXISTS')
    }),
  })
  const client = createTRPCClient<typeof router>({
    links: [
      httpLink({
        url: 'http://localhost/trpc',
        fetch: (input, init) =>
          trpcErrors.fetchHandler({
            endpoint: '/trpc',
            req: new Request(input as string, init as RequestInit),
            router,
          }),
      }),
    ],
  })
  return { client, heard }
}

describe('a procedure that declares its errors', () => {
  it('answers its declared and common codes as the router would, unflagged', async () => {
    const { client, heard } = app()
    const [, notFound] = await safe(client.get.query({ code: 'POST_NOT_FOUND' }))
    const [, unauthorized] = await safe(client.get.query({ code: 'UNAUTHORIZED' }))
    expect(fromTRPCClientError(notFound, { catalog: errors })).toMatchObject({
      code: 'POST_NOT_FOUND',
      status: 404,
    })
    expect(unauthorized?.data?.httpStatus).toBe(401)
    expect(heard).toEqual([
      ['POST_NOT_FOUND', 404, false],
      ['UNAUTHORIZED', 401, false],
    ])
  })

  it('still answers an undeclared error correctly, and reports it as undeclared', async () => {
    const { client, heard } = app()
    const [, error] = await safe(client.get.query({ code: 'VOTE_EXISTS' }))
    expect(error?.data?.httpStatus).toBe(409)
    expect(fromTRPCClientError(error, { catalog: errors }).code).toBe('VOTE_EXISTS')
    expect(heard).toEqual([['VOTE_EXISTS', 409, true]])
  })

  it("answers 500 for an undeclared error with undeclared: 'fail'", async () => {
    const { client, heard } = app('fail')
    const [, error] = await safe(client.get.query({ code: 'VOTE_EXISTS' }))
    expect(fromTRPCClientError(error, { catalog: errors })).toMatchObject({
      code: 'SERVER_ERROR',
      status: 500,
    })
    expect(heard).toEqual([['SERVER_ERROR', 500, true]])
  })

  it('leaves a procedure that declares nothing unflagged', async () => {
    const { client, heard } = app('fail')
    const [, error] = await safe(client.plain.query())
    expect(error?.data?.httpStatus).toBe(409)
    expect(heard).toEqual([['VOTE_EXISTS', 409, undefined]])
  })

  it('refuses an unknown code when the procedure is defined', () => {
    const trpcErrors = createTRPCErrors({ catalog: errors })
    // @ts-expect-error not a code of the catalog
    expect(() => trpcErrors.declare('POST_NOT_FUND')).toThrow(TypeError)
  })
})
