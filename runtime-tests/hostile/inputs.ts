import { LIMIT } from './apps'

/** In every hostile input: no response body or header may repeat it. */
export const MARKER = 'HOSTILE-MARK-3b9e1d'

const utf8 = new TextEncoder()
const TEN_MB = 10 * 1024 * 1024

/** What one case sends. Bodies are made afresh for each request (a stream is read once). */
export interface Send {
  readonly method?: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: () => BodyInit
}

/** What an adapter must answer. */
export interface Answer {
  readonly status: number
  /** The catalog code; absent for a success. */
  readonly code?: string
  /** The exact public message, when it matters. */
  readonly message?: string
}

export interface HostileCase {
  readonly name: string
  readonly send: Send
  readonly fetch: Answer
  /** What the Hono adapter answers, when it is not what the Fetch adapter answers. */
  readonly hono?: Answer
  /** The Problem Details `instance` is the request path by design (RFC 9457): the one echo allowed. */
  readonly problem?: boolean
}

/** A pull stream of `total` bytes in 64 KiB chunks, counting what was pulled. */
export function countingStream(
  total: number,
  pulled: { bytes: number },
): ReadableStream<Uint8Array> {
  const chunk = utf8.encode(`["${MARKER}",`.padEnd(64 * 1024, ' '))
  return new ReadableStream({
    pull(controller) {
      if (pulled.bytes >= total) {
        controller.close()
        return
      }
      pulled.bytes += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

const json = { 'content-type': 'application/json' }
const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = json) => ({
  method: 'POST',
  path,
  headers,
  body: () => (typeof body === 'string' ? body : body.slice()),
})

const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? utf8.encode(part) : Uint8Array.from(part),
  )
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

const BAD_JSON = { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' }
const INVALID = { status: 400, code: 'VALIDATION_ERROR', message: 'Validation failed' }
const CREATED = { status: 201 }
const TOO_LARGE = {
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: `The request body is larger than the limit of ${LIMIT} bytes`,
}
const UNSUPPORTED = {
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  message: 'The request body must be JSON (application/json or a +json type) in UTF-8',
}
const NOT_FOUND = { status: 404, code: 'NOT_FOUND', message: 'Not found' }
const deep = 100_000
const bigJson = `{"title":"${'a'.repeat(TEN_MB)}${MARKER}"}`

/**
 * The table: what the Fetch adapter (`readJson`) and the Hono adapter (`validator('json', …)`)
 * answer; both read with core's one body reader, so `hono` is given only for a route that reads
 * the body with Hono's own `c.req.json()` (see README.md).
 */
export const cases: readonly HostileCase[] = [
  {
    name: 'malformed JSON',
    send: post('/posts', `{"title": ${MARKER}}`),
    fetch: BAD_JSON,
  },
  {
    name: 'truncated JSON',
    send: post('/posts', `{"title":"${MARKER}`),
    fetch: BAD_JSON,
  },
  {
    name: 'JSON followed by garbage',
    send: post('/posts', `{"title":"a"} ${MARKER}`),
    fetch: BAD_JSON,
  },
  {
    name: 'an empty body',
    send: post('/posts', ''),
    // no body is no input: the schema refuses it
    fetch: INVALID,
  },
  {
    name: 'malformed JSON read with a bare c.req.json() (Hono: a SyntaxError, so a 500)',
    send: post('/raw', `{"title": ${MARKER}}`),
    fetch: BAD_JSON,
    hono: { status: 500, code: 'SERVER_ERROR', message: 'Something went wrong on our end' },
  },
  {
    name: 'JSON null',
    send: post('/posts', 'null'),
    fetch: INVALID,
  },
  {
    name: '100,000 levels of [ (valid JSON, wrong shape)',
    send: post('/posts', `${'['.repeat(deep)}"${MARKER}"${']'.repeat(deep)}`),
    fetch: INVALID,
  },
  {
    name: '100,000 levels of [ never closed',
    send: post('/posts', `${'['.repeat(deep)}"${MARKER}"`),
    fetch: BAD_JSON,
  },
  {
    name: '100,000 levels of [ under a key the schema drops',
    send: post('/posts', `{"title":"a","x":${'['.repeat(deep)}"${MARKER}"${']'.repeat(deep)}}`),
    fetch: CREATED,
  },
  {
    name: 'a value that fails validation',
    send: post('/posts', JSON.stringify({ title: MARKER.repeat(20), tags: [MARKER, 7] })),
    fetch: INVALID,
  },
  {
    name: 'a 10 MB body with its content-length',
    send: post('/posts', bigJson, {
      ...json,
      'content-length': String(utf8.encode(bigJson).byteLength),
    }),
    fetch: TOO_LARGE,
    // without hono/body-limit the whole body is read and parsed: the title is too long
  },
  {
    name: 'a wrong content type',
    send: post('/posts', JSON.stringify({ title: MARKER }), { 'content-type': 'text/plain' }),
    fetch: UNSUPPORTED,
  },
  {
    name: 'no content type',
    send: post('/posts', utf8.encode(JSON.stringify({ title: MARKER })), {}),
    fetch: UNSUPPORTED,
  },
  {
    name: 'a wrong content type on a schema whose fields are all optional',
    send: post('/patch', JSON.stringify({ title: MARKER }), { 'content-type': 'text/plain' }),
    // hono/validator would skip the body and let {} pass; the adapter's validator answers 415
    fetch: UNSUPPORTED,
  },
  {
    name: 'a form content type',
    send: post('/posts', `title=${MARKER}`, {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    fetch: UNSUPPORTED,
  },
  {
    name: 'a +json content type in capitals, with parameters',
    send: post('/posts', JSON.stringify({ title: 'a' }), {
      'content-type': 'Application/Vnd.Api+JSON; Charset=UTF-8',
    }),
    fetch: CREATED,
  },
  {
    name: 'invalid UTF-8 inside a string',
    send: post('/posts', bytes('{"title":"', [0xff, 0xfe, 0xc3], MARKER, '"}')),
    fetch: { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8' },
    // Response.json() decodes leniently: the bytes become U+FFFD and the title is accepted
  },
  {
    name: 'invalid UTF-8 outside strings',
    send: post('/posts', bytes('{"title":"a"', [0xc0, 0xaf], MARKER, '}')),
    fetch: { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8' },
  },
  {
    name: 'an unknown key on a strict schema',
    send: post('/strict', JSON.stringify({ title: 'a', [MARKER]: 1 })),
    fetch: INVALID,
  },
  {
    name: 'a 100 KB path',
    send: { path: `/${MARKER}${'p'.repeat(100_000)}` },
    fetch: NOT_FOUND,
  },
  {
    name: 'a 100 KB path, Problem Details asked for',
    send: {
      path: `/${MARKER}${'p'.repeat(100_000)}`,
      headers: { accept: 'application/problem+json' },
    },
    fetch: NOT_FOUND,
    problem: true,
  },
  {
    name: 'a 100 KB query',
    send: {
      path: `/nothing?q=${MARKER}${'q'.repeat(100_000)}`,
      headers: { accept: 'application/problem+json' },
    },
    fetch: NOT_FOUND,
    problem: true,
  },
]

/**
 * `x-request-id` values that `Headers` accepts but that are not safe tokens: none may come back,
 * in the body or in any header.
 */
export const hostileIds: readonly (readonly [string, string])[] = [
  ['10 KB long', `${MARKER}${'a'.repeat(10_000)}`],
  ['with ;', `${MARKER};x=1`],
  ['with ,', `${MARKER},other`],
  ['with spaces', `${MARKER} x y`],
  ['with a tab', `${MARKER}\tx`],
  ['latin-1', `${MARKER}caf\u00e9`],
  ['UTF-8 bytes read as latin-1', `${MARKER}\u00e2\u0098\u0083`],
  ['a quote and angle brackets', `${MARKER}"><script>`],
  ['a CRLF-free header splitting attempt', `${MARKER} set-cookie: a=b`],
]
