import type { Surface } from './surface-names'

/** What a hostile request must get: the catalog error, or a post created from the safe part. */
export type Expected =
  | { readonly status: number; readonly code: string; readonly message: string }
  | { readonly status: 201 }

/** One hostile input, sent to `POST /posts` (or the route it names) on each surface. */
export interface HostileCase {
  readonly name: string
  /** The request on a surface, with `marker` planted in its hostile part. */
  readonly request: (surface: Surface, marker: string) => Request
  readonly expected: Expected
  /** Surfaces the case does not apply to. */
  readonly skip?: readonly Surface[]
}

/** The `x-request-id` of every request but those that test the header itself. */
export const REQUEST_ID = 'req-hostile'

const createPath = { hono: '/api/v1/posts', fetch: '/fetch/v1/posts', trpc: '/trpc/post.create' }

/** `POST /posts` (tRPC `post.create`) with an admin key and a JSON content type by default. */
export function create(
  surface: Surface,
  body: BodyInit | null,
  headers: Record<string, string | null> = {},
): Request {
  const all = new Headers({
    authorization: 'Bearer lc_test_admin',
    'content-type': 'application/json',
    'x-request-id': REQUEST_ID,
  })
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) all.delete(name)
    else all.set(name, value)
  }
  return new Request(`http://localhost${createPath[surface]}`, {
    method: 'POST',
    headers: all,
    body,
    duplex: 'half',
  } as RequestInit)
}

/** A GET with the default `x-request-id` and an `Accept` header. */
export function get(path: string, accept = 'application/json'): Request {
  return new Request(`http://localhost${path}`, {
    headers: { 'x-request-id': REQUEST_ID, accept },
  })
}

const notJson = {
  status: 400,
  code: 'BAD_REQUEST',
  message: 'The request body is not valid JSON',
} as const
const notUtf8 = { ...notJson, message: 'The request body is not valid UTF-8' } as const
const notJsonType = {
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  message: 'The request body must be JSON (application/json or a +json type) in UTF-8',
} as const
const tooLarge = {
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: 'The request body is larger than the limit of 65536 bytes',
} as const
const invalid = { status: 400, code: 'VALIDATION_ERROR', message: 'Validation failed' } as const
const notFound = { status: 404, code: 'NOT_FOUND', message: 'Not found' } as const

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  )
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`
/** 64 KiB of path: the marker over and over. */
const longPath = (marker: string) => marker.repeat(Math.ceil(65_536 / marker.length))

/**
 * The hostile inputs, each with the catalog answer every surface must give. The marker sits
 * only where the input is hostile: a created post's title is not an echo.
 */
export const hostileCases: readonly HostileCase[] = [
  // malformed and truncated JSON
  { name: 'truncated JSON', request: (s, m) => create(s, `{"title":"${m}`), expected: notJson },
  { name: 'unquoted value', request: (s, m) => create(s, `{"title":${m}}`), expected: notJson },
  { name: 'single quotes', request: (s, m) => create(s, `{'title':'${m}'}`), expected: notJson },
  { name: 'trailing comma', request: (s, m) => create(s, `{"title":"${m}",}`), expected: notJson },
  {
    name: 'garbage after the JSON',
    request: (s, m) => create(s, `{"title":"x"}${m}`),
    expected: notJson,
  },
  { name: 'a bare word', request: (s, m) => create(s, m), expected: notJson },
  // no body is no input: the schema refuses it
  { name: 'an empty body', request: (s) => create(s, ''), expected: invalid },
  {
    name: 'a NUL byte',
    request: (s, m) => create(s, `{"title":"x"}\u0000${m}`),
    expected: notJson,
  },
  // prototype keys (the created post is checked field by field in the test)
  {
    name: '__proto__, constructor and prototype keys',
    request: (s, m) =>
      create(
        s,
        `{"title":"Proto","__proto__":{"polluted":"${m}"},"constructor":{"prototype":{"polluted":"${m}"}},"prototype":{"polluted":"${m}"}}`,
      ),
    expected: { status: 201 },
  },
  // deep nesting: 100k levels is over the body limit, 30k levels is under it
  {
    name: 'JSON nested 100k levels',
    request: (s) => create(s, nested(100_000)),
    expected: tooLarge,
  },
  {
    name: 'JSON nested 30k levels',
    request: (s) => create(s, nested(30_000)),
    expected: invalid,
  },
  {
    name: 'JSON nested 10k levels in an unknown member',
    request: (s, m) => create(s, `{"title":"Deep","${m}":${nested(10_000)}}`),
    expected: { status: 201 },
  },
  // 10 MB
  {
    name: '10 MB with content-length',
    request: (s, m) => create(s, m.repeat(Math.ceil(10_485_760 / m.length))),
    expected: tooLarge,
  },
  // content types
  {
    name: 'no content-type',
    request: (s, m) => create(s, `{"title":"${m}"}`, { 'content-type': null }),
    expected: notJsonType,
  },
  {
    name: 'text/plain',
    request: (s, m) => create(s, `{"title":"${m}"}`, { 'content-type': 'text/plain' }),
    expected: notJsonType,
  },
  {
    name: 'a form',
    request: (s, m) =>
      create(s, `title=${m}`, { 'content-type': 'application/x-www-form-urlencoded' }),
    expected: notJsonType,
  },
  {
    name: 'multipart',
    request: (s, m) =>
      create(s, `--${m}\r\n\r\nx\r\n--${m}--`, {
        'content-type': `multipart/form-data; boundary=${m}`,
      }),
    expected: notJsonType,
  },
  {
    name: 'a made-up content-type',
    request: (s, m) => create(s, '{"title":"x"}', { 'content-type': `application/json${m}` }),
    expected: notJsonType,
  },
  {
    name: 'a made-up charset',
    request: (s, m) =>
      create(s, '{"title":"Charset"}', { 'content-type': `application/json; charset=${m}` }),
    // JSON is UTF-8 (RFC 8259): any other charset is another media type
    expected: notJsonType,
  },
  // invalid UTF-8
  {
    name: 'invalid UTF-8 bytes',
    request: (s, m) => create(s, bytes(`{"title":"${m}`, [0xff, 0xfe], '"}')),
    expected: notUtf8,
  },
  {
    name: 'an overlong UTF-8 sequence',
    request: (s, m) => create(s, bytes(`{"title":"${m}`, [0xc0, 0xaf], '"}')),
    expected: notUtf8,
  },
  {
    name: 'an encoded lone surrogate',
    request: (s, m) => create(s, bytes(`{"title":"${m}`, [0xed, 0xa0, 0x80], '"}')),
    expected: notUtf8,
  },
  {
    name: 'a UTF-8 sequence cut short',
    request: (s, m) => create(s, bytes(`{"title":"${m}`, [0xe2, 0x82], '"}')),
    expected: notUtf8,
  },
  // very long URLs
  {
    name: 'a 64 KB post id',
    request: (s, m) => {
      const id = longPath(m)
      if (s === 'trpc')
        return get(`/trpc/post.byId?input=${encodeURIComponent(JSON.stringify({ postId: id }))}`)
      return get(`${s === 'hono' ? '/api/v1' : '/fetch/v1'}/posts/${id}`)
    },
    expected: invalid,
  },
  {
    name: 'a 64 KB unknown path',
    request: (s, m) =>
      get(`${{ hono: '/api/v1', fetch: '/fetch/v1', trpc: '/trpc' }[s]}/${longPath(m)}`),
    expected: notFound,
  },
  {
    name: 'a 64 KB unknown path, asking for Problem Details',
    request: (s, m) =>
      get(`${s === 'hono' ? '/api/v1' : '/fetch/v1'}/${longPath(m)}`, 'application/problem+json'),
    expected: notFound,
    skip: ['trpc'],
  },
  {
    name: 'a tRPC input that is not JSON',
    request: (_, m) => get(`/trpc/post.byId?input=%7B${m}`),
    expected: { status: 400, code: 'BAD_REQUEST', message: 'Bad request' },
    skip: ['hono', 'fetch'],
  },
]

/** `x-request-id` values a `Headers` accepts but the Worker must not send back. */
export const hostileRequestIds: ReadonlyArray<readonly [string, (marker: string) => string]> = [
  ['10 KB', (m) => m.repeat(Math.ceil(10_240 / m.length))],
  ['a semicolon', (m) => `req;${m}`],
  ['a comma', (m) => `req,${m}`],
  ['spaces', (m) => `req ${m} x`],
  ['a tab', (m) => `req\t${m}`],
  ['Latin-1', (m) => `caf\u00e9${m}`],
  ['a quote and angle brackets', (m) => `"><${m}`],
  ['a fake header', (m) => `req x-injected: ${m}`],
]
