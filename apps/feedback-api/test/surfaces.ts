import { exports } from 'cloudflare:workers'

import type { Surface } from './surface-names'

export { type Surface, surfaces } from './surface-names'

const rest = { hono: '/api/v1', fetch: '/fetch/v1' } as const

/** One call of the API, described once for every surface. */
export type Call =
  | {
      readonly op: 'list'
      /** REST sends these in the query string; tRPC as the input, values as they are. */
      readonly page?: Readonly<Record<string, unknown>>
    }
  | { readonly op: 'get'; readonly postId: string }
  | {
      readonly op: 'create'
      readonly body: unknown
      /** Sent as it is instead of `JSON.stringify(body)`. */
      readonly raw?: string
      readonly contentType?: string
      readonly idempotencyKey?: string
      /** tRPC only: send the key as the `idempotencyKey` input instead of the header. */
      readonly keyInInput?: boolean
    }
  | { readonly op: 'vote' | 'unvote'; readonly postId: string }
  | { readonly op: 'webhook'; readonly url: string }
  | { readonly op: 'fail'; readonly status: number }

/** Who calls: an API key, or none. */
export type Key = 'lc_test_admin' | 'lc_test_readonly' | 'lc_test_limited' | 'lc_test_nope' | null

/** What a surface answered, with the catalog error (or the data) taken out of tRPC's envelope. */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
  readonly text: string
}

/**
 * The `Request` for a call on a surface: REST paths under `/api/v1` or `/fetch/v1`, tRPC
 * procedures under `/trpc` (queries as GET with `?input=`, mutations as POST), as a tRPC client
 * sends them.
 */
export function requestFor(surface: Surface, call: Call, key: Key, requestId: string): Request {
  const headers = new Headers({ 'x-request-id': requestId })
  if (key) headers.set('authorization', `Bearer ${key}`)
  const post = (path: string, body?: unknown, raw?: string, contentType = 'application/json') => {
    headers.set('content-type', contentType)
    return new Request(`http://localhost${path}`, {
      method: 'POST',
      headers,
      body: raw ?? JSON.stringify(body),
    })
  }
  const send = (method: string, path: string) =>
    new Request(`http://localhost${path}`, { method, headers })
  const query = (path: string, input?: unknown) =>
    send(
      'GET',
      `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
    )

  if (surface === 'trpc') {
    switch (call.op) {
      case 'list':
        return query('post.list', call.page)
      case 'get':
        return query('post.byId', { postId: call.postId })
      case 'create': {
        if (call.idempotencyKey && !call.keyInInput) {
          headers.set('idempotency-key', call.idempotencyKey)
        }
        const body =
          call.idempotencyKey && call.keyInInput
            ? { ...(call.body as object), idempotencyKey: call.idempotencyKey }
            : call.body
        return post('/trpc/post.create', body, call.raw, call.contentType)
      }
      case 'vote':
        return post('/trpc/vote.add', { postId: call.postId })
      case 'unvote':
        return post('/trpc/vote.remove', { postId: call.postId })
      case 'webhook':
        return post('/trpc/webhook.test', { url: call.url })
      case 'fail':
        return query('demo.fail', { status: call.status })
    }
  }
  const base = rest[surface]
  switch (call.op) {
    case 'list': {
      const search = new URLSearchParams()
      for (const [name, value] of Object.entries(call.page ?? {})) {
        for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one))
      }
      return send('GET', `${base}/posts${search.size ? `?${search}` : ''}`)
    }
    case 'get':
      return send('GET', `${base}/posts/${encodeURIComponent(call.postId)}`)
    case 'create':
      if (call.idempotencyKey) headers.set('idempotency-key', call.idempotencyKey)
      return post(`${base}/posts`, call.body, call.raw, call.contentType)
    case 'vote':
      return post(`${base}/posts/${encodeURIComponent(call.postId)}/votes`)
    case 'unvote':
      return send('DELETE', `${base}/posts/${encodeURIComponent(call.postId)}/votes`)
    case 'webhook':
      return post(`${base}/webhooks/test`, { url: call.url })
    case 'fail':
      return send('GET', `${base}/_demo/fail/${call.status}`)
  }
}

/** Sends a call to the Worker and reads the answer. */
export async function send(
  surface: Surface,
  call: Call,
  key: Key = 'lc_test_admin',
  requestId = 'req-test',
): Promise<Answer> {
  return read(surface, await exports.default.fetch(requestFor(surface, call, key, requestId)))
}

/** Reads a response: the REST body as it is, tRPC's `error.data.error` or `result.data`. */
export async function read(surface: Surface, response: Response): Promise<Answer> {
  const text = await response.text()
  let body: unknown = text === '' ? undefined : JSON.parse(text)
  if (surface === 'trpc' && body && typeof body === 'object') {
    const envelope = body as { error?: { data?: { error?: unknown } }; result?: { data?: unknown } }
    body = envelope.error ? envelope.error.data?.error : envelope.result?.data
  }
  return { status: response.status, headers: response.headers, body, text }
}
