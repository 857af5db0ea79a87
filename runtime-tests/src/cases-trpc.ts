import { type Case, type CaseRequest, headers } from './case'
import { SECRET } from './catalog'
import { UUID } from './match'

/** tRPC's JSON-RPC code and its own code key for each status the cases meet. */
const TRPC: Record<number, [jsonRpc: number, key: string]> = {
  400: [-32600, 'BAD_REQUEST'],
  402: [-32002, 'PAYMENT_REQUIRED'],
  404: [-32004, 'NOT_FOUND'],
  405: [-32005, 'METHOD_NOT_SUPPORTED'],
  409: [-32009, 'CONFLICT'],
  429: [-32029, 'TOO_MANY_REQUESTS'],
  500: [-32603, 'INTERNAL_SERVER_ERROR'],
  502: [-32603, 'BAD_GATEWAY'],
  503: [-32603, 'SERVICE_UNAVAILABLE'],
  504: [-32603, 'GATEWAY_TIMEOUT'],
}

const SERVER_ERROR = { code: 'SERVER_ERROR', message: 'Something went wrong on our end' }

interface CatalogBody {
  readonly code: string
  readonly message: string
  readonly [member: string]: unknown
}

const seconds = (header: string | null | undefined) =>
  typeof header === 'string' ? Number(header) : undefined

/** tRPC's error envelope around the catalog body, as the setup's `errorFormatter` shapes it. */
function envelope(
  status: number,
  path: string | undefined,
  body: CatalogBody,
  requestId = UUID,
  retryAfter?: number,
) {
  const [jsonRpc, key] = TRPC[status] ?? [0, 'UNKNOWN']
  return {
    error: {
      message: body.message,
      code: jsonRpc,
      data: {
        code: key,
        httpStatus: status,
        ...(path === undefined ? {} : { path }),
        error: { ...body, requestId },
        // each call's own delay: a batch shares one Retry-After header
        ...(retryAfter === undefined ? {} : { retryAfter }),
      },
    },
  }
}

// tRPC's own headers on every response: its content type and what it negotiates on.
const TRPC_HEADERS = { 'content-type': 'application/json', vary: 'trpc-accept, accept' }

/** The error headers: tRPC's own plus what `responseMeta` adds. */
function errorHeaders(extra: Record<string, string | null> = {}) {
  return headers({
    ...TRPC_HEADERS,
    'cache-control': 'no-store',
    'x-request-id': UUID,
    ...extra,
  })
}

const query = (path: string, input: unknown): CaseRequest => ({
  path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
})

const mutation = (path: string, body: string): CaseRequest => ({
  method: 'POST',
  path: `/trpc/${path}`,
  headers: { 'content-type': 'application/json' },
  body,
})

/** The cases of the tRPC adapter: the same catalog bodies, inside tRPC's envelope. */
export function trpcCases(): Case[] {
  const make = (name: string, request: CaseRequest, expect: Case['expect']): Case => ({
    name: `trpc: ${name}`,
    app: 'trpc',
    request,
    expect,
  })
  const fail = (
    what: string,
    status: number,
    body: CatalogBody,
    extra: Record<string, string | null> = {},
  ) =>
    make(`fail ${what} answers ${status} ${body.code}`, query('fail', { what }), {
      status,
      headers: errorHeaders(extra),
      body: envelope(status, 'fail', body, UUID, seconds(extra['retry-after'])),
      absent: [SECRET, 'hunter2', 'stack'],
    })
  // tRPC's own message and data.path quote the path the client sent: neither is echoed
  const unknown = envelope(404, undefined, { code: 'NOT_FOUND', message: 'Not found' })
  return [
    make('a known post answers 200', query('post.get', { id: '7' }), {
      status: 200,
      headers: headers(TRPC_HEADERS),
      body: { result: { data: { id: '7', title: 'Dark mode' } } },
    }),
    make('a catalog 404 carries its data', query('post.get', { id: '8' }), {
      status: 404,
      headers: errorHeaders(),
      body: envelope(404, 'post.get', {
        code: 'POST_NOT_FOUND',
        message: 'Post not found',
        data: { postId: '8' },
      }),
    }),
    fail('conflict', 409, { code: 'VOTE_EXISTS', message: 'User has already voted on this post' }),
    fail('request-failed', 402, { code: 'REQUEST_FAILED', message: 'The card was declined' }),
    fail('string', 500, SERVER_ERROR),
    fail('null', 500, SERVER_ERROR),
    fail('error', 500, SERVER_ERROR),
    // a code the route does not declare, with `undeclared: 'fail'`: a 500, its data never sent
    fail('undeclared', 500, SERVER_ERROR),
    fail(
      'limited',
      429,
      { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
      { 'retry-after': '30' },
    ),
    fail(
      'unavailable',
      503,
      { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' },
      { 'retry-after': '120' },
    ),
    fail('bad-gateway', 502, { code: 'BAD_GATEWAY', message: 'Bad gateway' }),
    fail('timeout', 504, { code: 'GATEWAY_TIMEOUT', message: 'Gateway timeout' }),
    make(
      'a zod validation failure lists each issue by JSON Pointer',
      mutation('post.create', '{"title":"no","tags":["ok",3]}'),
      {
        status: 400,
        headers: errorHeaders(),
        body: envelope(400, 'post.create', {
          code: 'VALIDATION_ERROR',
          message: 'Validation failed',
          errors: [
            {
              code: 'too_small',
              message: 'Too small: expected string to have >=3 characters',
              path: '/title',
            },
            { code: 'invalid_type', message: 'Invalid input: expected string', path: '/tags/1' },
          ],
        }),
      },
    ),
    make('a malformed JSON body answers 400', mutation('post.create', '{"title":"secret-in-body'), {
      status: 400,
      headers: errorHeaders(),
      body: envelope(400, 'post.create', {
        code: 'BAD_REQUEST',
        message: 'The request body is not valid JSON',
      }),
      absent: ['secret-in-body'],
    }),
    make(
      'an unknown procedure answers 404 NOT_FOUND',
      { path: '/trpc/nope' },
      {
        status: 404,
        headers: errorHeaders(),
        body: unknown,
      },
    ),
    make('a query sent to a mutation answers 405 with Allow', query('post.create', {}), {
      status: 405,
      headers: errorHeaders({ allow: 'POST' }),
      body: envelope(405, 'post.create', {
        code: 'METHOD_NOT_ALLOWED',
        message: 'Method not allowed',
      }),
    }),
    make(
      'a safe incoming x-request-id is echoed',
      { path: '/trpc/nope', headers: { 'x-request-id': 'req_01:edge@a.b-c' } },
      {
        status: 404,
        headers: errorHeaders({ 'x-request-id': 'req_01:edge@a.b-c' }),
        body: envelope(404, undefined, unknown.error.data.error, 'req_01:edge@a.b-c'),
      },
    ),
    make(
      'a hostile x-request-id is replaced by a UUID',
      { path: '/trpc/nope', headers: { 'x-request-id': '<script>alert(1)</script>' } },
      { status: 404, headers: errorHeaders(), body: unknown, absent: ['<script>'] },
    ),
    make(
      'a batch of a 404 and a 429 answers 207 with Retry-After',
      {
        path: `/trpc/post.get,fail?batch=1&input=${encodeURIComponent(
          JSON.stringify({ 0: { id: '8' }, 1: { what: 'limited' } }),
        )}`,
      },
      {
        status: 207,
        headers: errorHeaders({ 'retry-after': '30' }),
        body: [
          envelope(404, 'post.get', {
            code: 'POST_NOT_FOUND',
            message: 'Post not found',
            data: { postId: '8' },
          }),
          envelope(
            429,
            'fail',
            { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
            UUID,
            30,
          ),
        ],
      },
    ),
  ]
}
