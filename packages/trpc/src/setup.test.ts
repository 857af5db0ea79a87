import { type Catalog, defaultErrors, defineErrors, type ErrorReporter } from '@faultline/core'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { initTRPC } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { fromTRPCClientError } from './client'
import { createTRPCErrors } from './setup'

const ours = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})
const theirs = defineErrors({ ...defaultErrors, GONE: { status: 410, message: 'Gone for good' } })

/** One app made with the factory: its router, a real client, and what its hook heard. */
function app(catalog: Catalog, code: string) {
  const heard: [number, string | undefined][] = []
  const onError: ErrorReporter = (_, { error, requestId }) => {
    heard.push([error.status, requestId])
  }
  const trpcErrors = createTRPCErrors({ catalog, onError, requestId: true })
  const t = initTRPC.create({ isDev: true, errorFormatter: trpcErrors.errorFormatter })
  const router = t.router({
    get: t.procedure.query(() => {
      throw catalog.create(code)
    }),
  })
  const client = createTRPCClient<typeof router>({
    links: [
      httpBatchLink({
        url: 'http://localhost/trpc',
        fetch: (input, init) =>
          trpcErrors.fetchHandler({
            endpoint: '/trpc',
            req: new Request(input as string, init as RequestInit),
            router,
          }),
        headers: { 'x-request-id': `req_${code}` },
      }),
    ],
  })
  return { client, heard }
}

describe('createTRPCErrors', () => {
  it('wires catalog, hook and request ids into the formatter and the handler from one place', async () => {
    const { client, heard } = app(ours, 'POST_NOT_FOUND')
    const error = fromTRPCClientError(await client.get.query().catch((e: unknown) => e), {
      catalog: ours,
    })
    expect([error.code, error.status, error.requestId]).toEqual([
      'POST_NOT_FOUND',
      404,
      'req_POST_NOT_FOUND',
    ])
    expect(heard).toEqual([[404, 'req_POST_NOT_FOUND']])
  })

  it('keeps two setups in one process apart, each with its own catalog and hook', async () => {
    const first = app(ours, 'POST_NOT_FOUND')
    const second = app(theirs, 'GONE')
    const [a, b] = await Promise.all([
      first.client.get.query().catch((e: unknown) => e),
      second.client.get.query().catch((e: unknown) => e),
    ])
    expect(fromTRPCClientError(a, { catalog: ours }).code).toBe('POST_NOT_FOUND')
    expect(fromTRPCClientError(b, { catalog: theirs })).toMatchObject({ code: 'GONE', status: 410 })
    expect(first.heard).toEqual([[404, 'req_POST_NOT_FOUND']])
    expect(second.heard).toEqual([[410, 'req_GONE']])
  })
})
