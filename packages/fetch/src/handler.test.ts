import { errors } from '@faultline/test-catalog'
import { describe, expect, it, vi } from 'vitest'
import { read } from '../test/http'
import { withErrors } from './handler'

const request = () => new Request('http://localhost/api/posts/7')

describe('withErrors', () => {
  it('passes a successful response through untouched', async () => {
    const original = Response.json({ id: 7 }, { status: 201, headers: { etag: '"v1"' } })
    const handler = withErrors(() => original, { catalog: errors })
    const response = await handler(request())
    expect(response).toBe(original)
    expect(await read(response)).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', etag: '"v1"' },
      body: { id: 7 },
    })
  })

  it('sends the message of a 5xx when exposeServerErrors is set', async () => {
    const handler = withErrors(
      () => {
        throw errors.create('SERVER_ERROR', { message: 'stack overflow in renderer' })
      },
      { catalog: errors, exposeServerErrors: true },
    )
    expect(await (await handler(request())).json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'stack overflow in renderer',
    })
  })

  it('answers JSON to a client that prefers Problem Details, unless given problemDetails', async () => {
    const handler = withErrors(
      () => {
        throw errors.create('VOTE_EXISTS')
      },
      { catalog: errors },
    )
    const response = await handler(
      new Request('http://localhost/', { headers: { accept: 'application/problem+json' } }),
    )
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
    })
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ok'],
    ['an object', { status: 200, body: 'ok' }],
    ['an array', []],
  ])('answers 500 when the handler returns %s instead of a Response', async (kind, value) => {
    const onError = vi.fn()
    const handler = withErrors(() => value as unknown as Response, { onError })
    const response = await handler(request())
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
    })
    expect(onError).toHaveBeenCalledOnce()
    const [thrown] = onError.mock.calls[0] as [TypeError]
    expect(thrown).toBeInstanceOf(TypeError)
    expect(thrown.message).toBe(`The handler returned ${kind} instead of a Response`)
  })

  it('accepts a Response-like object from another realm', async () => {
    const foreign = {
      status: 204,
      headers: new Headers(),
      arrayBuffer: async () => new ArrayBuffer(0),
    }
    const handler = withErrors(() => foreign as unknown as Response)
    expect(await handler(request())).toBe(foreign)
  })

  it('passes extra arguments such as env and ctx through to the handler', async () => {
    const env = { DB: 'd1' }
    const ctx = { waitUntil: vi.fn(), passThroughOnException: vi.fn() }
    const inner = vi.fn((_request: Request, e: typeof env, _ctx: typeof ctx) => Response.json(e))
    const handler = withErrors(inner)
    const incoming = request()
    await handler(incoming, env, ctx)
    expect(inner).toHaveBeenCalledWith(incoming, env, ctx)
  })
})

describe('withErrors onError', () => {
  it('reports each error once with the original value and the request', async () => {
    const onError = vi.fn()
    const thrown = errors.create('VOTE_EXISTS')
    const handler = withErrors(
      () => {
        throw thrown
      },
      { catalog: errors, onError },
    )
    const incoming = request()
    await handler(incoming)
    expect(onError).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledWith(thrown, {
      error: thrown,
      request: incoming,
      expected: true,
    })
  })

  it("keeps an async reporter alive with the ExecutionContext's waitUntil, called as a method", async () => {
    class ExecutionContext {
      readonly #pending: Promise<unknown>[] = []
      waitUntil(promise: Promise<unknown>) {
        this.#pending.push(promise) // throws if called detached, as workerd does
      }
      get pending() {
        return this.#pending
      }
      passThroughOnException() {}
    }
    const ctx = new ExecutionContext()
    let reported = false
    const onError = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      reported = true
    }
    const handler = withErrors(
      (_request: Request, _env: unknown, _ctx: ExecutionContext) => {
        throw new Error('boom')
      },
      { onError },
    )
    const response = await handler(request(), {}, ctx)
    expect(response.status).toBe(500)
    expect(ctx.pending).toHaveLength(1)
    expect(reported).toBe(false)
    await Promise.all(ctx.pending)
    expect(reported).toBe(true)
  })

  it('uses the waitUntil of a second argument (Next.js middleware event)', async () => {
    const event = { waitUntil: vi.fn() }
    const handler = withErrors(
      (_request: Request, _event: typeof event) => {
        throw new Error('boom')
      },
      { onError: async () => {} },
    )
    await handler(request(), event)
    expect(event.waitUntil).toHaveBeenCalledOnce()
  })
})

// workerd closes (or, for a cancelled body, resets) a keep-alive connection whose request body
// was not read to its end; the client's next request on it fails. See core's drainBody.
describe('withErrors and an unread request body', () => {
  function upload(size: number) {
    const state = { pulled: 0, ended: false }
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= size) {
          state.ended = true
          return controller.close()
        }
        state.pulled += 1024
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const post = new Request('http://localhost/api/posts', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    return { post, state }
  }

  it('drains it before answering a thrown error', async () => {
    const { post, state } = upload(32 * 1024)
    const handler = withErrors(() => {
      throw errors.create('UNAUTHORIZED')
    })
    expect((await handler(post)).status).toBe(401)
    expect(state.ended).toBe(true)
  })

  it('drains it before passing on an error response the handler returned', async () => {
    const { post, state } = upload(32 * 1024)
    const handler = withErrors(() => new Response('nope', { status: 415 }))
    expect((await handler(post)).status).toBe(415)
    expect(state.ended).toBe(true)
  })

  it('leaves it alone on success, and reads an 8 MiB one to its end', async () => {
    const ok = upload(32 * 1024)
    await withErrors(() => new Response(null, { status: 204 }))(ok.post)
    expect(ok.state.ended).toBe(false)
    const huge = upload(8 * 1024 * 1024)
    await withErrors(() => new Response('nope', { status: 401 }))(huge.post)
    expect(huge.state.ended).toBe(true)
  })
})
