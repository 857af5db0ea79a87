import type { ApiError, ErrorContext } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expectTypeOf, it } from 'vitest'
import { type FetchHandler, withErrors } from './handler'

interface Env {
  readonly DB: { prepare(sql: string): unknown }
  readonly API_KEY: string
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException(): void
}
/** The shape of `ExportedHandler` from @cloudflare/workers-types. */
interface ExportedHandler<E> {
  fetch?: (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>
}
class NextRequest extends Request {
  readonly nextUrl = new URL(this.url)
}

describe('withErrors types', () => {
  it('keeps the env and ctx arguments of a Workers handler', () => {
    const fetch = withErrors(async (_request: Request, env: Env, ctx: ExecutionContext) => {
      ctx.waitUntil(Promise.resolve())
      return new Response(env.API_KEY)
    })
    expectTypeOf(fetch).parameters.toEqualTypeOf<[Request, Env, ExecutionContext]>()
    expectTypeOf(fetch).returns.toEqualTypeOf<Promise<Response>>()
  })

  it('types env and ctx from the ExportedHandler it is assigned to', () => {
    const worker = {
      fetch: withErrors(async (request, env, ctx) => {
        expectTypeOf(request).toEqualTypeOf<Request>()
        expectTypeOf(env).toEqualTypeOf<Env>()
        expectTypeOf(ctx).toEqualTypeOf<ExecutionContext>()
        return new Response(env.API_KEY)
      }),
    } satisfies ExportedHandler<Env>
    expectTypeOf(worker.fetch).parameters.toEqualTypeOf<[Request, Env, ExecutionContext]>()
  })

  it('keeps a subclass of Request such as NextRequest', () => {
    const GET = withErrors((request: NextRequest, context: { params: Promise<{ id: string }> }) =>
      Response.json({ path: request.nextUrl.pathname, context }),
    )
    expectTypeOf(GET).parameters.toEqualTypeOf<[NextRequest, { params: Promise<{ id: string }> }]>()
  })

  it('is assignable where a FetchHandler is expected', () => {
    const handler = withErrors((_request: Request) => new Response('ok'))
    expectTypeOf(handler).toExtend<FetchHandler>()
  })

  it('types the reporting hook from core', () => {
    withErrors(() => new Response(), {
      catalog: errors,
      onError: (thrown, context) => {
        expectTypeOf(thrown).toBeUnknown()
        expectTypeOf(context).toEqualTypeOf<ErrorContext>()
        expectTypeOf(context.error).toEqualTypeOf<ApiError>()
      },
    })
  })

  it('rejects a handler that does not return a Response', () => {
    // @ts-expect-error a string is not a Response
    withErrors(() => 'ok')
    // @ts-expect-error requestId is a boolean or a function
    withErrors(() => new Response(), { requestId: 'x-request-id' })
  })
})
