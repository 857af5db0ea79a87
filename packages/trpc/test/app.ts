// A small router and a wire-capturing client, shared by the Node and the workerd tests.

import type { RequestIdOption } from '@faultline/core'
import { errors, SECRET } from '@faultline/test-catalog'
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client'
import { type AnyTRPCRouter, initTRPC, TRPCError } from '@trpc/server'
import * as v from 'valibot'
import { z } from 'zod'
import { createTRPCErrors, type TRPCErrorReporter } from '../src/index'

export { errors, SECRET }

/** The codes the `fail` procedure can throw, one per status of the convention. */
export const statusCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'REQUEST_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVER_ERROR',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
] as const

export interface Context {
  readonly apiKey: string | null
}

/** The router under test; `isDev` is left out unless given, as users forget it. */
export function makeRouter(create: { isDev?: boolean } = {}) {
  const t = initTRPC.context<Context>().create({
    isDev: create.isDev,
    errorFormatter: createTRPCErrors({ catalog: errors }).errorFormatter,
  })
  const authed = t.procedure.use(({ ctx, next }) => {
    if (ctx.apiKey !== 'key_1') throw errors.create('API_KEY_INVALID')
    return next()
  })
  return t.router({
    ok: t.procedure.query(() => 'ok'),
    post: t.router({
      get: t.procedure.input(z.object({ id: z.string() })).query(({ input }) => {
        if (input.id === '7') return { id: '7', title: 'Dark mode' }
        throw errors.create('POST_NOT_FOUND', { data: { postId: input.id } })
      }),
      create: t.procedure
        .input(z.object({ title: z.string().min(3), tags: z.array(z.string()) }))
        .mutation(({ input }) => input),
      createValibot: t.procedure
        .input(
          v.object({
            title: v.pipe(v.string(), v.minLength(3)),
            email: v.pipe(v.string(), v.email()),
          }),
        )
        .mutation(({ input }) => input),
      vote: authed.mutation(() => {
        throw errors.create('VOTE_EXISTS')
      }),
    }),
    fail: t.procedure.input(z.object({ code: z.enum(statusCodes) })).query(({ input }) => {
      throw errors.create(input.code)
    }),
    limited: t.procedure.query(() => {
      throw errors.create('RATE_LIMITED')
    }),
    unavailable: t.procedure.query(() => {
      throw errors.create('SERVICE_UNAVAILABLE', { retryAfter: 120 })
    }),
    crash: t.procedure.query(() => {
      throw new Error(`connect failed: ${SECRET}`)
    }),
    crashString: t.procedure.query(() => {
      throw `secret string ${SECRET}`
    }),
    crashObject: t.procedure.query(() => {
      throw { reason: SECRET }
    }),
    crashTRPC: t.procedure.query(() => {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `trpc ${SECRET}` })
    }),
    crashExposed: t.procedure.query(() => {
      throw errors.create('SERVICE_UNAVAILABLE', {
        message: 'Maintenance until 10:00',
        expose: true,
      })
    }),
    teapot: t.procedure.query(() => {
      throw new TRPCError({ code: 'PAYMENT_REQUIRED', message: 'Card declined' })
    }),
  })
}

export type AppRouter = ReturnType<typeof makeRouter>

/** One response as the client received it. */
export interface Wire {
  readonly url: string
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

export interface ServeOptions {
  readonly onError?: TRPCErrorReporter
  /** On by default here, so that every test sees the ids. */
  readonly requestId?: RequestIdOption
  readonly createContext?: (req: Request) => Context
  readonly maxBatchSize?: number
  readonly bodyLimit?: number
}

/** Serves a router with the setup's `fetchHandler`, as the README does. */
export function serve<TRouter extends AnyTRPCRouter>(router: TRouter, options: ServeOptions = {}) {
  const wire: Wire[] = []
  const { fetchHandler } = createTRPCErrors({
    catalog: errors,
    onError: options.onError,
    requestId: options.requestId ?? true,
  })
  const handler = (req: Request) =>
    fetchHandler({
      endpoint: '/trpc',
      req,
      router,
      createContext: ({ req }) =>
        options.createContext?.(req) ?? { apiKey: req.headers.get('authorization') },
      maxBatchSize: options.maxBatchSize,
      bodyLimit: options.bodyLimit,
    })
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await handler(new Request(input, init))
    const body = await response.clone().text()
    wire.push({ url: String(input), status: response.status, headers: response.headers, body })
    return response
  }
  const last = (): Wire => {
    const response = wire.at(-1)
    if (!response) throw new Error('no request was sent')
    return response
  }
  return { handler, fetch, wire, last }
}

/** A real tRPC client whose requests reach the handler directly. */
export function clientOf(
  fetch: ReturnType<typeof serve>['fetch'],
  link: 'http' | 'batch' = 'http',
  headers: Record<string, string> = {},
) {
  const options = { url: 'http://localhost/trpc', fetch, headers }
  return createTRPCClient<AppRouter>({
    links: [link === 'http' ? httpLink(options) : httpBatchLink(options)],
  })
}

/** Calls and returns what it threw; fails the test if it did not throw. */
export async function thrownBy(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (thrown) {
    return thrown
  }
  throw new Error('expected the call to throw')
}
