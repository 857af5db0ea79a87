import { defaultErrors, defineErrors } from '@faultline/core'
import { QueryClient } from '@tanstack/query-core'
import { createTRPCClient, httpLink, retryLink } from '@trpc/client'
import { initTRPC } from '@trpc/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { queryRetryOptions, retryLinkOptions } from './retry'
import { createTRPCErrors } from './setup'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})
type Step = 'ok' | 'POST_NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'TOO_MANY_REQUESTS'

afterEach(() => {
  vi.useRealTimers()
})

// A router served by the one tRPC setup, answering each call from a script; a real client.
function app(script: Step[], links: (server: ReturnType<typeof httpLink>) => unknown[]) {
  const calls: string[] = []
  const trpcErrors = createTRPCErrors({ catalog: errors })
  const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
  const answer = (type: string) => {
    const step = script[Math.min(calls.push(type), script.length) - 1] ?? 'ok'
    if (step === 'ok') return 'ok'
    throw errors.create(step, step === 'TOO_MANY_REQUESTS' ? { retryAfter: 2 } : {})
  }
  const router = t.router({
    get: t.procedure.query(() => answer('query')),
    make: t.procedure.mutation(() => answer('mutation')),
  })
  const server = httpLink({
    url: 'http://localhost/trpc',
    fetch: (input, init) =>
      trpcErrors.fetchHandler({
        endpoint: '/trpc',
        req: new Request(input as string, init as RequestInit),
        router,
      }),
  })
  const client = createTRPCClient<typeof router>({ links: links(server) as never })
  return { client, calls }
}

describe('retryLinkOptions', () => {
  it('retries a 503 query with backoff, and not a 404', async () => {
    const policy = { catalog: errors, baseMs: 1 }
    const flaky = app(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'ok'], (server) => [
      retryLink(retryLinkOptions(policy)),
      server,
    ])
    expect(await flaky.client.get.query()).toBe('ok')
    expect(flaky.calls).toHaveLength(3)
    const missing = app(['POST_NOT_FOUND', 'ok'], (server) => [
      retryLink(retryLinkOptions(policy)),
      server,
    ])
    await expect(missing.client.get.query()).rejects.toThrow('Post not found')
    expect(missing.calls).toHaveLength(1)
  })

  it("waits out the call's own Retry-After", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const { client, calls } = app(['TOO_MANY_REQUESTS', 'ok'], (server) => [
      retryLink(retryLinkOptions({ catalog: errors, random: () => 0 })),
      server,
    ])
    const call = client.get.query()
    await vi.advanceTimersByTimeAsync(1999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await call).toBe('ok')
  })

  it('retries mutations only when asked to', async () => {
    for (const mutations of [false, true]) {
      const { client, calls } = app(['SERVICE_UNAVAILABLE', 'ok'], (server) => [
        retryLink(retryLinkOptions({ catalog: errors, baseMs: 1, mutations })),
        server,
      ])
      const result = await client.make.mutate().catch((e: Error) => e.message)
      expect([result, calls.length]).toEqual(mutations ? ['ok', 2] : ['Service unavailable', 1])
    }
  })
})

describe('queryRetryOptions', () => {
  it("drives TanStack Query's retries: a 503 retried, a 404 not", async () => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: queryRetryOptions({ catalog: errors, baseMs: 1 }) },
    })
    const flaky = app(['SERVICE_UNAVAILABLE', 'ok'], (server) => [server])
    expect(
      await queryClient.fetchQuery({
        queryKey: ['flaky'],
        queryFn: () => flaky.client.get.query(),
        retry: queryClient.getDefaultOptions().queries?.retry,
      }),
    ).toBe('ok')
    expect(flaky.calls).toHaveLength(2)
    const missing = app(['POST_NOT_FOUND', 'ok'], (server) => [server])
    await expect(
      queryClient.fetchQuery({
        queryKey: ['missing'],
        queryFn: () => missing.client.get.query(),
        retry: queryClient.getDefaultOptions().queries?.retry,
      }),
    ).rejects.toThrow('Post not found')
    expect(missing.calls).toHaveLength(1)
  })
})
