import { exports } from 'cloudflare:workers'
import { ensureOk, readResult } from '@faultline/fetch'
import { fromTRPCClientError } from '@faultline/trpc'
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { errors, type FeedbackError } from '../src/catalog'
import type { AppRouter } from '../src/index'
import { quietReporter } from './expect'

quietReporter()

const workerFetch = (input: RequestInfo | URL, init?: RequestInit) =>
  exports.default.fetch(new Request(input, init))

const link = (key?: string) => ({
  url: 'http://localhost/trpc',
  fetch: workerFetch,
  headers: key ? { authorization: `Bearer ${key}` } : {},
})
const trpc = (key?: string) => createTRPCClient<AppRouter>({ links: [httpLink(link(key))] })

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => fromTRPCClientError(e, { catalog: errors }),
  )

describe('a real @trpc/client with fromTRPCClientError', () => {
  it('gives the typed catalog error of a failed call', async () => {
    const error = await caught(trpc().post.byId.query({ postId: 'missing' }))
    expectTypeOf(error).toEqualTypeOf<FeedbackError>()
    expect(error).toMatchObject({ code: 'POST_NOT_FOUND', status: 404, message: 'Post not found' })
    expect(errors.is(error, 'POST_NOT_FOUND')).toBe(true)
  })

  it('keeps validation issues, Retry-After and redaction', async () => {
    const invalid = await caught(trpc('lc_test_admin').post.create.mutate({ title: '' }))
    expect(invalid.code).toBe('VALIDATION_ERROR')
    expect(invalid.errors).toEqual([
      {
        code: 'too_small',
        message: 'Too small: expected string to have >=1 characters',
        path: '/title',
      },
    ])
    const unavailable = await caught(trpc().demo.fail.query({ status: 503 }))
    expect(unavailable).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: 30 })
    const crashed = await caught(trpc().demo.fail.query({ status: 500 }))
    expect(crashed).toMatchObject({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
  })

  it('sends the catalog error in error.data for any tRPC client', async () => {
    const thrown = await trpc('lc_test_readonly')
      .vote.add.mutate({ postId: 'missing' })
      .catch((e: unknown) => e)
    expect((thrown as { data?: unknown }).data).toMatchObject({
      httpStatus: 403,
      error: { code: 'FORBIDDEN', message: 'This API key is read-only' },
    })
  })

  it('types each call of a mixed batch (answered 207)', async () => {
    const client = createTRPCClient<AppRouter>({ links: [httpBatchLink(link())] })
    const [list, missing] = await Promise.allSettled([
      client.post.list.query(),
      client.post.byId.query({ postId: 'missing' }),
    ])
    expect(list.status).toBe('fulfilled')
    expect(
      missing.status === 'rejected' &&
        fromTRPCClientError(missing.reason, { catalog: errors }).code,
    ).toBe('POST_NOT_FOUND')
  })
})

describe.each(['/api/v1', '/fetch/v1'])('the Fetch client helpers on %s', (base) => {
  it('reads a failed response into the typed catalog error', async () => {
    const result = await readResult(await workerFetch(`http://localhost${base}/posts/missing`), {
      catalog: errors,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expectTypeOf(result.error).toEqualTypeOf<FeedbackError>()
    expect(result.error).toMatchObject({ code: 'POST_NOT_FOUND', status: 404 })
  })

  it('throws the typed error from ensureOk, with Retry-After in seconds', async () => {
    const thrown = await ensureOk(await workerFetch(`http://localhost${base}/_demo/fail/503`), {
      catalog: errors,
    }).catch((e: unknown) => e)
    expect(errors.is(thrown, 'SERVICE_UNAVAILABLE') && thrown.retryAfter).toBe(30)
  })

  it('returns a successful response as it is', async () => {
    const response = await ensureOk(await workerFetch(`http://localhost${base}/posts`), {
      catalog: errors,
    })
    expect(await response.json()).toMatchObject({ posts: { length: 2 }, nextCursor: null })
  })
})
