import { type Case, type CaseRequest, headers } from './case'
import { SECRET } from './catalog'
import { RESPONSE_JSON_TYPE, UUID } from './match'

const JSON_TYPE = 'application/json; charset=utf-8'
const PROBLEM_TYPE = 'application/problem+json'
const SERVER_ERROR = { code: 'SERVER_ERROR', message: 'Something went wrong on our end' }
const HOSTILE_IDS = ['<script>alert(1)</script>', 'a'.repeat(256)]

/** The error headers of the Fetch and Hono adapters: JSON unless told, request id a UUID. */
function errorHeaders(extra: Record<string, string | null> = {}) {
  return headers({
    'content-type': JSON_TYPE,
    'cache-control': 'no-store',
    vary: 'accept',
    'x-request-id': UUID,
    ...extra,
  })
}

/**
 * The cases of the two plain-HTTP adapters, which send the same bodies. The few differences
 * between them are the adapters' own (what each says of malformed JSON, whether successful
 * responses carry the request id), not the runtime's.
 */
// The status phrases (RFC 9110) that title the `about:blank` problems of these cases.
const PHRASES = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' }

// The Problem Details answer of an error: `about:blank`, so the status phrase as title (RFC 9457
// §4.2.1) and the message as detail, the path as instance, the wire's code and extension
// members, the request id the app makes.
function problem(status: keyof typeof PHRASES, message: string, instance: string, extra: object) {
  const title = PHRASES[status]
  const body = { type: 'about:blank', title, status, detail: message, instance }
  return {
    status,
    headers: errorHeaders({ 'content-type': PROBLEM_TYPE }),
    body: { ...body, ...extra, requestId: UUID },
  }
}

export function httpCases(app: 'fetch' | 'hono'): Case[] {
  const make = (name: string, request: CaseRequest, expect: Case['expect']): Case => ({
    name: `${app}: ${name}`,
    app,
    request,
    expect,
  })
  const fail = (
    what: string,
    status: number,
    body: { code: string; message: string },
    extra: Record<string, string | null> = {},
  ) =>
    make(
      `GET /fail/${what} answers ${status} ${body.code}`,
      { path: `/fail/${what}` },
      {
        status,
        headers: errorHeaders(extra),
        body: { ...body, requestId: UUID },
        absent: [SECRET, 'hunter2', 'stack'],
      },
    )
  const cases: Case[] = [
    make(
      'a known post answers 200',
      { path: '/posts/7' },
      {
        status: 200,
        headers: headers({
          // the handler's own Response.json() on fetch; Hono's c.json() sets its own
          'content-type': app === 'fetch' ? RESPONSE_JSON_TYPE : 'application/json',
        }),
        body: { id: '7', title: 'Dark mode' },
      },
    ),
    make(
      'a catalog 404 carries its data',
      { path: '/posts/8' },
      {
        status: 404,
        headers: errorHeaders(),
        body: {
          code: 'POST_NOT_FOUND',
          message: 'Post not found',
          data: { postId: '8' },
          requestId: UUID,
        },
      },
    ),
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
      'Problem Details for a catalog 404 when Accept prefers them',
      { path: '/posts/8', headers: { accept: 'application/problem+json' } },
      problem(404, 'Post not found', '/posts/8', { code: 'POST_NOT_FOUND', data: { postId: '8' } }),
    ),
    make(
      'Problem Details for a redacted 500',
      {
        path: '/fail/error',
        headers: { accept: 'application/problem+json, application/json;q=0.9' },
      },
      {
        ...problem(500, SERVER_ERROR.message, '/fail/error', { code: 'SERVER_ERROR' }),
        absent: [SECRET, 'hunter2'],
      },
    ),
    make(
      'Problem Details for a thrown string',
      { path: '/fail/string', headers: { accept: 'application/problem+json' } },
      {
        ...problem(500, SERVER_ERROR.message, '/fail/string', { code: 'SERVER_ERROR' }),
        absent: [SECRET, 'hunter2'],
      },
    ),
    make(
      'Problem Details for an unknown route',
      { path: '/nope', headers: { accept: 'application/problem+json' } },
      problem(404, 'Not found', '/nope', { code: 'NOT_FOUND' }),
    ),
    make(
      'Problem Details for a validation failure',
      {
        method: 'POST',
        path: '/posts',
        headers: { 'content-type': 'application/json', accept: 'application/problem+json' },
        body: '{"title":"ok!","tags":[1]}',
      },
      problem(400, 'Validation failed', '/posts', {
        code: 'VALIDATION_ERROR',
        errors: [
          { code: 'invalid_type', message: 'Invalid input: expected string', path: '/tags/0' },
        ],
      }),
    ),
    make(
      'a zod validation failure lists each issue by JSON Pointer',
      {
        method: 'POST',
        path: '/posts',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"no","tags":["ok",3]}',
      },
      {
        status: 400,
        headers: errorHeaders(),
        body: {
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
          requestId: UUID,
        },
      },
    ),
    make(
      'a malformed JSON body answers 400',
      {
        method: 'POST',
        path: '/posts',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"secret-in-body',
      },
      {
        status: 400,
        headers: errorHeaders(),
        body: {
          code: 'BAD_REQUEST',
          message: 'The request body is not valid JSON',
          requestId: UUID,
        },
        absent: ['secret-in-body'],
      },
    ),
    make(
      'an unknown route answers 404 NOT_FOUND',
      { path: '/nope' },
      {
        status: 404,
        headers: errorHeaders(),
        body: { code: 'NOT_FOUND', message: 'Not found', requestId: UUID },
      },
    ),
    make(
      'a wrong method answers 405 with Allow',
      { method: 'DELETE', path: '/posts' },
      {
        status: 405,
        headers: errorHeaders({ allow: 'POST' }),
        body: { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed', requestId: UUID },
      },
    ),
    make(
      'a safe incoming x-request-id is echoed',
      { path: '/posts/8', headers: { 'x-request-id': 'req_01:edge@a.b-c' } },
      {
        status: 404,
        headers: errorHeaders({ 'x-request-id': 'req_01:edge@a.b-c' }),
        body: {
          code: 'POST_NOT_FOUND',
          message: 'Post not found',
          data: { postId: '8' },
          requestId: 'req_01:edge@a.b-c',
        },
      },
    ),
    ...HOSTILE_IDS.map((id) =>
      make(
        `a hostile x-request-id of ${id.length} characters is replaced by a UUID`,
        { path: '/nope', headers: { 'x-request-id': id } },
        {
          status: 404,
          headers: errorHeaders(),
          body: { code: 'NOT_FOUND', message: 'Not found', requestId: UUID },
          absent: [id],
        },
      ),
    ),
  ]
  if (app === 'hono') {
    cases.push(
      make(
        'HTTPException(401) answers UNAUTHORIZED with its message',
        { path: '/http-exception' },
        {
          status: 401,
          headers: errorHeaders(),
          body: { code: 'UNAUTHORIZED', message: 'Token expired', requestId: UUID },
        },
      ),
      make(
        'HTTPException(401) with a res keeps its WWW-Authenticate, not its body',
        { path: '/http-exception/res' },
        {
          status: 401,
          headers: errorHeaders({ 'www-authenticate': 'Bearer realm="api"' }),
          body: { code: 'UNAUTHORIZED', message: 'Unauthorized', requestId: UUID },
        },
      ),
    )
  }
  return cases
}
