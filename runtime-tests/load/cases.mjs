// The request mix: every success and error case of the demo, on each of its three surfaces,
// each with one deterministic expected status and catalog code, but for `rate-limited`: its
// key's writes are 201s while its minute window has room, then 429s (limit.mjs checks the
// windows).
import { retryAfterOf } from './limit.mjs'

/** The seeded post every read uses. */
export const POST_ID = '00000000-0000-4000-8000-000000000001'
/** The seeded post the admin key votes on during setup: voting again is always a 409. */
export const VOTED_POST_ID = '00000000-0000-4000-8000-000000000002'
/** The idempotency key claimed during setup, with {@link IDEMPOTENT_TITLE}. */
export const IDEMPOTENCY_KEY = 'load-claimed-key'
export const IDEMPOTENT_TITLE = 'Load test: idempotent'
/** The titles of the posts `create` and a granted `rate-limited` write make. */
const CREATED_TITLE = 'Load test post'
const LIMITED_TITLE = 'Load test: limited'

const MISSING_ID = 'load-missing-post'
const ADMIN = 'Bearer lc_test_admin'
const READ_ONLY = 'Bearer lc_test_readonly'
const LIMITED = 'Bearer lc_test_limited'
/** The writes a minute `lc_test_limited` may make (its row in the demo's seed). */
export const LIMITED_WRITES_PER_MINUTE = 3
const surfaces = ['hono', 'fetch', 'trpc']
const prefix = { hono: '/api/v1', fetch: '/fetch/v1', trpc: '/trpc' }

/**
 * The cases, in the order each connection sends them: for each case, Hono, then the Fetch
 * handler, then tRPC. `expect` is the status and (for errors) the catalog code.
 */
export function loadCases({ hookUrl }) {
  const json = JSON.stringify
  // 64 KiB and one byte: {"title":"x","description":"ddd…"}
  const tooLarge = `{"title":"x","description":"${'d'.repeat(64 * 1024 - 29)}"}`
  const get = (path, procedure, input) => ({
    rest: { method: 'GET', path },
    trpc: {
      method: 'GET',
      path: `/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(json(input))}`}`,
    },
  })
  const post = (path, procedure, body, options = {}) => ({
    rest: { method: 'POST', path, body, auth: ADMIN, type: 'application/json', ...options },
    trpc: {
      method: 'POST',
      path: `/${procedure}`,
      body,
      auth: ADMIN,
      type: 'application/json',
      ...options,
    },
  })
  // tRPC takes the idempotency key in its input, REST in a header
  const create = (body, options = {}) => {
    const call = post('/posts', 'post.create', body, options)
    if (options.key === undefined) return call
    const input = json({ ...JSON.parse(body), idempotencyKey: options.key })
    return { rest: call.rest, trpc: { ...call.trpc, key: undefined, body: input } }
  }
  const vote = (postId, method) => ({
    rest: { method, path: `/posts/${postId}/votes`, auth: ADMIN },
    trpc: post('', method === 'POST' ? 'vote.add' : 'vote.remove', json({ postId })).trpc,
  })

  const table = [
    ['list', 200, get('/posts', 'post.list')],
    ['get', 200, get(`/posts/${POST_ID}`, 'post.byId', { postId: POST_ID })],
    ['create', 201, create(json({ title: CREATED_TITLE }))],
    ['create-replay', 201, create(json({ title: IDEMPOTENT_TITLE }), { key: IDEMPOTENCY_KEY })],
    ['invalid', [400, 'VALIDATION_ERROR'], create(json({ title: '' }))],
    ['malformed', [400, 'BAD_REQUEST'], create('{"title":')],
    ['no-key', [401, 'UNAUTHORIZED'], create(json({ title: 'x' }), { auth: undefined })],
    [
      'webhook-fails',
      [402, 'REQUEST_FAILED'],
      post('/webhooks/test', 'webhook.test', json({ url: hookUrl })),
    ],
    ['read-only', [403, 'FORBIDDEN'], create(json({ title: 'x' }), { auth: READ_ONLY })],
    [
      'get-missing',
      [404, 'POST_NOT_FOUND'],
      get(`/posts/${MISSING_ID}`, 'post.byId', { postId: MISSING_ID }),
    ],
    ['vote-missing', [404, 'POST_NOT_FOUND'], vote(MISSING_ID, 'POST')],
    ['unvote-missing', [404, 'VOTE_NOT_FOUND'], vote(MISSING_ID, 'DELETE')],
    ['unknown-path', [404, 'NOT_FOUND'], get('/load-unknown', 'load.unknown')],
    [
      'wrong-method',
      [405, 'METHOD_NOT_ALLOWED'],
      { rest: { method: 'PUT', path: '/posts' }, trpc: { method: 'GET', path: '/post.create' } },
    ],
    ['vote-again', [409, 'VOTE_EXISTS'], vote(VOTED_POST_ID, 'POST')],
    [
      'key-reused',
      [409, 'IDEMPOTENCY_KEY_REUSED'],
      create(json({ title: 'Load test: other body' }), { key: IDEMPOTENCY_KEY }),
    ],
    ['too-large', [413, 'PAYLOAD_TOO_LARGE'], create(tooLarge)],
    ['media-type', [415, 'UNSUPPORTED_MEDIA_TYPE'], create('title=x', { type: 'text/plain' })],
    [
      'rate-limited',
      [429, 'TOO_MANY_REQUESTS'],
      create(json({ title: LIMITED_TITLE }), { auth: LIMITED }),
    ],
    ['fail-500', [500, 'SERVER_ERROR'], get('/_demo/fail/500', 'demo.fail', { status: 500 })],
    ['fail-502', [502, 'BAD_GATEWAY'], get('/_demo/fail/502', 'demo.fail', { status: 502 })],
    [
      'fail-503',
      [503, 'SERVICE_UNAVAILABLE'],
      get('/_demo/fail/503', 'demo.fail', { status: 503 }),
    ],
    ['fail-504', [504, 'GATEWAY_TIMEOUT'], get('/_demo/fail/504', 'demo.fail', { status: 504 })],
  ]

  return table.flatMap(([name, expected, call]) =>
    surfaces.map((surface) => {
      const spec = surface === 'trpc' ? call.trpc : call.rest
      const [restStatus, code] = Array.isArray(expected) ? expected : [expected, undefined]
      // a tRPC mutation that succeeds answers 200, whatever REST says
      const status = surface === 'trpc' && restStatus === 201 ? 200 : restStatus
      const id = `load.${name}.${surface}`
      const headers = { 'x-request-id': id }
      if (spec.auth) headers.authorization = spec.auth
      if (spec.type) headers['content-type'] = spec.type
      if (spec.key !== undefined) headers['idempotency-key'] = spec.key
      // the limited key's create succeeds as `create` does, until its window is full
      const granted = name === 'rate-limited' ? (surface === 'trpc' ? 200 : 201) : undefined
      return {
        id,
        name,
        surface,
        expect: granted === undefined ? { status, code } : { status, code, granted },
        method: spec.method,
        path: `${prefix[surface]}${spec.path}`,
        headers,
        body: spec.body,
      }
    }),
  )
}

/**
 * What is wrong with an answer, or undefined: the status, the request it answers, and the
 * catalog code or success body. An error answer must echo the request's `x-request-id` (each
 * request sends its own) in the header and in the body; a success carries no request id (the
 * adapters put it on error answers only), so its body tells which request it answers: the post
 * list, the seeded post, or a post with the title the case sent. A `rate-limited` answer is a
 * created post or a 429 `TOO_MANY_REQUESTS` with a Retry-After of 1 to 60 s; whether its window
 * still had room is for limit.mjs to tell.
 */
export function verdict(testCase, status, headers, text) {
  const granted = testCase.expect.granted !== undefined && status === testCase.expect.granted
  if (status !== testCase.expect.status && !granted) return 'status'
  const error = testCase.expect.code !== undefined && !granted
  const echoed = header(headers, 'x-request-id')
  // a success may not carry the id of another request either
  if (error ? echoed !== testCase.id : echoed !== undefined && echoed !== testCase.id) {
    return 'request-id'
  }
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return 'body'
  }
  if (testCase.surface === 'trpc') body = body?.error ? body.error.data?.error : body?.result?.data
  if (error) {
    if (body?.code !== testCase.expect.code || body.requestId !== testCase.id) return 'body'
    if (testCase.name !== 'rate-limited') return undefined
    return retryAfterOf(header(headers, 'retry-after')) === undefined ? 'body' : undefined
  }
  if (testCase.name === 'list') return Array.isArray(body?.posts) ? undefined : 'body'
  if (testCase.name === 'get') return body?.id === POST_ID ? undefined : 'body'
  if (testCase.name === 'create-replay') {
    const replayed =
      testCase.surface === 'trpc' || header(headers, 'idempotent-replayed') === 'true'
    return replayed && body?.title === IDEMPOTENT_TITLE ? undefined : 'body'
  }
  const title = testCase.name === 'rate-limited' ? LIMITED_TITLE : CREATED_TITLE
  return typeof body?.id === 'string' && body.title === title ? undefined : 'body'
}

/** A header of a Node or autocannon header object, by lower-case name. */
export function header(headers, name) {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(', ') : value
  }
  return undefined
}
