import type { ApiError } from '@faultline/core'
import { readResult } from '@faultline/fetch'
import { fromTRPCClientError } from '@faultline/trpc'
import { createTRPCUntypedClient, httpLink } from '@trpc/client'
import { errors } from '../catalog'
import { declaredErrors, type Operation, TRPC_COMMON } from '../errors-per-route'
import type { Call } from './cases'

/** The three ways the Worker serves the API. */
export const surfaces = {
  hono: 'REST on Hono · /api/v1',
  fetch: 'Plain Fetch handler · /fetch/v1',
  trpc: 'tRPC · /trpc',
} as const

export type Surface = keyof typeof surfaces

/** The request as it went on the wire (the page shows it beside the answer). */
export interface Sent {
  readonly method: string
  /** Path and query, e.g. `/api/v1/posts` or `/trpc/post.byId?input=…`. */
  readonly path: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  /** The body as sent, cut to {@link shownLength} characters; absent when there is none. */
  readonly body?: string
}

/** What the page shows of one answer. */
export interface Shown {
  readonly request?: Sent
  readonly status: number
  /** The reason phrase the browser read (402 reads "Payment Required"; HTTP/2 sends none). */
  readonly statusText: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
  /** The typed error the client helper gave (`readResult` or `fromTRPCClientError`), if any. */
  readonly typed: Record<string, unknown> | null
  /**
   * The type of that error's `code`: the codes the called operation declares
   * (`src/errors-per-route.ts`), which is what the typed client narrows to; absent for a call of
   * no operation (the whole catalog).
   */
  readonly declared?: { readonly operation: string; readonly codes: readonly string[] }
}

/** The operation each call of the playground calls. */
const operationOf: Record<Call['op'], Operation | undefined> = {
  list: 'listPosts',
  get: 'getPost',
  create: 'createPost',
  vote: 'addVote',
  unvote: 'removeVote',
  webhook: 'testWebhook',
  fail: 'demoFail',
  nowhere: undefined,
}

/**
 * The codes a call's typed error may have on a surface: what its operation declares, and on
 * tRPC what every procedure may answer too (its input read from JSON).
 */
export function declaredFor(surface: Surface, call: Call): Shown['declared'] {
  const operation = operationOf[call.op]
  if (!operation) return undefined
  const codes: readonly string[] = declaredErrors[operation].codes
  if (surface !== 'trpc') return { operation, codes }
  return {
    operation: procedureFor(call)[1],
    codes: [...new Set([...codes, ...TRPC_COMMON])],
  }
}

/** Longer bodies (the 413 case) are cut for display. */
export const shownLength = 3000

const shownHeaders = [
  'content-type',
  'retry-after',
  'www-authenticate',
  'allow',
  'idempotent-replayed',
  'x-request-id',
]

/** Sends a call to a surface the way its clients do, and reads what came back. */
export async function send(surface: Surface, call: Call): Promise<Shown> {
  const shown = await (surface === 'trpc'
    ? sendTrpc(call)
    : sendRest(surface === 'hono' ? '/api/v1' : '/fetch/v1', call))
  const declared = declaredFor(surface, call)
  return declared ? { ...shown, declared } : shown
}

async function sendRest(base: string, call: Call): Promise<Shown> {
  const headers = new Headers(call.key ? { authorization: `Bearer ${call.key}` } : {})
  if (call.idempotencyKey) headers.set('idempotency-key', call.idempotencyKey)
  const write = (method: string, path: string, body?: unknown) => {
    if (body !== undefined || call.raw !== undefined) {
      headers.set('content-type', call.contentType ?? 'application/json')
    }
    const text = call.raw ?? (body === undefined ? undefined : JSON.stringify(body))
    request = sent(method, `${base}${path}`, headers, text)
    return fetch(`${base}${path}`, { method, headers, body: text })
  }
  let request: Sent | undefined
  const post = `/posts/${encodeURIComponent(call.postId ?? '')}`
  const response = await {
    list: () => write('GET', '/posts'),
    get: () => write('GET', post),
    create: () => write('POST', '/posts', call.body),
    vote: () => write('POST', `${post}/votes`),
    unvote: () => write('DELETE', `${post}/votes`),
    webhook: () => write('POST', '/webhooks/test', { url: call.url }),
    fail: () => write('GET', `/_demo/fail/${call.status}`),
    nowhere: () => write('GET', '/no-such-route'),
  }[call.op]()
  const shown = await show(response.clone())
  // typed with the codes the operation declares, as a client sharing the declarations reads it
  const operation = operationOf[call.op]
  const result = operation
    ? await readResult(response, { declared: declaredErrors[operation] })
    : await readResult(response, { catalog: errors })
  return { ...shown, request, typed: result.ok ? null : summary(result.error) }
}

async function sendTrpc(call: Call): Promise<Shown> {
  let answered: Response | undefined
  let request: Sent | undefined
  const client = createTRPCUntypedClient({
    links: [
      httpLink({
        url: '/trpc',
        // The same headers as REST: tRPC's post.create honours Idempotency-Key too.
        headers: {
          ...(call.key ? { authorization: `Bearer ${call.key}` } : {}),
          ...(call.idempotencyKey ? { 'idempotency-key': call.idempotencyKey } : {}),
        },
        // Keep the raw response for the page; send a raw body when the case has one.
        async fetch(url, init) {
          const headers = new Headers(init?.headers)
          if (call.contentType) headers.set('content-type', call.contentType)
          const body = call.raw ?? init?.body
          const text = typeof body === 'string' ? body : undefined
          request = sent(init?.method ?? 'GET', String(url), headers, text)
          answered = await fetch(url, { ...init, headers, body })
          return answered.clone()
        },
      }),
    ],
  })
  const [type, path, input] = procedureFor(call)
  let typed: Shown['typed'] = null
  try {
    await (type === 'query' ? client.query(path, input) : client.mutation(path, input))
  } catch (thrown) {
    typed = summary(fromTRPCClientError(thrown, { catalog: errors }))
  }
  const shown = answered
    ? await show(answered)
    : { status: 0, statusText: '', headers: [], body: '(no response)' }
  return { ...shown, request, typed }
}

function procedureFor(call: Call): readonly ['query' | 'mutation', string, unknown] {
  const byPost = { postId: call.postId }
  switch (call.op) {
    case 'list':
      return ['query', 'post.list', undefined]
    case 'get':
      return ['query', 'post.byId', byPost]
    case 'create':
      return ['mutation', 'post.create', call.body]
    case 'vote':
      return ['mutation', 'vote.add', byPost]
    case 'unvote':
      return ['mutation', 'vote.remove', byPost]
    case 'webhook':
      return ['mutation', 'webhook.test', { url: call.url }]
    case 'fail':
      return ['query', 'demo.fail', { status: call.status }]
    case 'nowhere':
      return ['query', 'no.such.procedure', undefined]
  }
}

function sent(method: string, url: string, headers: Headers, body: string | undefined): Sent {
  const { pathname, search } = new URL(url, location.href)
  return {
    method,
    path: readable(`${pathname}${search}`),
    headers: [...headers],
    ...(body === undefined ? {} : { body: cut(body) }),
  }
}

/** A tRPC query's `?input=` is shown decoded, as a person would read it. */
function readable(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function cut(text: string): string {
  return text.length > shownLength
    ? `${text.slice(0, shownLength)}… (${text.length.toLocaleString('en')} characters in all)`
    : text
}

async function show(response: Response): Promise<Omit<Shown, 'typed' | 'request'>> {
  const text = await response.text()
  let body = text
  try {
    body = JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    // not JSON: shown as it came
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: shownHeaders.flatMap((name) => {
      const value = response.headers.get(name)
      return value === null ? [] : [[name, value] as const]
    }),
    body: cut(body),
  }
}

function summary(error: ApiError): Record<string, unknown> {
  const { code, status, message, errors: issues, retryAfter, requestId } = error
  return Object.fromEntries(
    Object.entries({ code, status, message, errors: issues, retryAfter, requestId }).filter(
      ([, value]) => value !== undefined,
    ),
  )
}
