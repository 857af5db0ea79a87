// The odd requests of the conformance table: each sent to every surface, each answer reduced to
// what must be the same everywhere (status, code, message, Allow, Retry-After, request id).

/** Where a surface serves its read (a query), its authenticated write, and nothing. */
export interface SurfacePaths {
  /** A GET (tRPC: a query, its input in the URL) that succeeds. */
  readonly read: string
  /** A POST (tRPC: a mutation) that authenticates, then reads and validates a JSON body. */
  readonly write: string
  readonly unknown: string
}

/** One surface: how its requests are answered, and its paths. */
export interface Surface {
  readonly name: string
  readonly paths: SurfacePaths
  readonly send: (request: Request) => Promise<Response>
}

/** The keys every surface knows: one that may write, one that may only read. */
export interface Keys {
  readonly writer: string
  readonly reader: string
}

type Target = keyof SurfacePaths
type Body = string | { readonly bytes: number; readonly streamed: boolean }

/** One odd request, relative to a surface. */
export interface OddRequest {
  readonly name: string
  readonly target: Target
  readonly method: string
  readonly key?: keyof Keys
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: Body
}

const JSON_TYPE = { 'content-type': 'application/json' }
const VALID = '{"title":"A title","tags":["ui"]}'
const TWO_MB = 2 * 1024 * 1024
/** The incoming id a case sends, to see it echoed. */
export const GOOD_ID = 'req_conformance-1'

/** The rows of the table, in order. */
export const oddRequests: readonly OddRequest[] = [
  {
    name: 'malformed JSON',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: JSON_TYPE,
    body: '{"title":',
  },
  {
    name: 'empty body',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: JSON_TYPE,
    body: '',
  },
  {
    name: '2 MB body with Content-Length',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: JSON_TYPE,
    body: { bytes: TWO_MB, streamed: false },
  },
  {
    name: '2 MB body without Content-Length',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: JSON_TYPE,
    body: { bytes: TWO_MB, streamed: true },
  },
  {
    name: 'text/plain',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: { 'content-type': 'text/plain' },
    body: VALID,
  },
  {
    name: 'application/ld+json',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: { 'content-type': 'application/ld+json' },
    body: VALID,
  },
  {
    name: 'application/merge-patch+json',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: { 'content-type': 'application/merge-patch+json' },
    body: VALID,
  },
  {
    name: 'charset=iso-8859-1',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: { 'content-type': 'application/json; charset=iso-8859-1' },
    body: VALID,
  },
  { name: 'OPTIONS on a read path', target: 'read', method: 'OPTIONS' },
  { name: 'PUT on a read path', target: 'read', method: 'PUT', headers: JSON_TYPE, body: VALID },
  { name: 'HEAD on a read path', target: 'read', method: 'HEAD' },
  { name: 'OPTIONS on a write path', target: 'write', method: 'OPTIONS' },
  {
    name: 'PUT on a write path',
    target: 'write',
    method: 'PUT',
    key: 'writer',
    headers: JSON_TYPE,
    body: VALID,
  },
  { name: 'HEAD on a write path', target: 'write', method: 'HEAD' },
  { name: 'GET on a write path', target: 'write', method: 'GET' },
  { name: 'unknown route', target: 'unknown', method: 'GET' },
  {
    name: 'POST to an unknown route',
    target: 'unknown',
    method: 'POST',
    headers: JSON_TYPE,
    body: '{',
  },
  {
    name: 'no key + bad body',
    target: 'write',
    method: 'POST',
    headers: JSON_TYPE,
    body: '{"title":',
  },
  {
    name: 'no key + text/plain',
    target: 'write',
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'x',
  },
  {
    name: 'read-only key + oversized body',
    target: 'write',
    method: 'POST',
    key: 'reader',
    headers: JSON_TYPE,
    body: { bytes: TWO_MB, streamed: false },
  },
  {
    name: 'invalid input',
    target: 'write',
    method: 'POST',
    key: 'writer',
    headers: JSON_TYPE,
    body: '{"title":"no","tags":[1]}',
  },
  {
    name: 'a valid x-request-id',
    target: 'unknown',
    method: 'GET',
    headers: { 'x-request-id': GOOD_ID },
  },
  {
    name: 'x-request-id with an encoded CRLF',
    target: 'unknown',
    method: 'GET',
    headers: { 'x-request-id': 'req%0d%0aset-cookie:%20a=b' },
  },
  {
    name: 'x-request-id of 10 KB',
    target: 'unknown',
    method: 'GET',
    headers: { 'x-request-id': 'a'.repeat(10_240) },
  },
]

/** The request of a row for one surface, against `origin`. */
export function requestFor(row: OddRequest, surface: Surface, keys: Keys, origin: string): Request {
  const headers = new Headers(row.headers)
  if (row.key) headers.set('authorization', `Bearer ${keys[row.key]}`)
  const init: RequestInit & { duplex?: 'half' } = { method: row.method, headers }
  const body = row.body
  if (typeof body === 'string') init.body = body
  else if (body && !body.streamed) {
    init.body = big(body.bytes)
    headers.set('content-length', String(body.bytes))
  } else if (body) {
    init.body = stream(body.bytes)
    init.duplex = 'half'
  }
  return new Request(`${origin}${surface.paths[row.target]}`, init)
}

/** A JSON text of `bytes` bytes: only its size is wrong. */
function big(bytes: number): string {
  return `{"title":"${'x'.repeat(bytes - 14)}"}`.padEnd(bytes, ' ')
}

function stream(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

/** What must be the same on every surface, as the table shows it. */
export interface Cell {
  readonly status: string
  readonly code: string
  readonly message: string
  readonly allow: string
  readonly retryAfter: string
  readonly requestId: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/**
 * Reduces an answer: a success is `2xx` (REST creates with 201, tRPC answers 200); the catalog
 * body is read from tRPC's envelope (`error.data.error`) where there is one; the request id is
 * `echoed` (the one sent), `fresh` (a UUID, the same in header and body), `-` (none) or what
 * went wrong.
 */
export async function cellOf(response: Response, sentId: string | null): Promise<Cell> {
  const text = await response.text()
  let body: Record<string, unknown> | undefined
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    const envelope = (parsed?.error as { data?: { error?: Record<string, unknown> } })?.data?.error
    body = envelope ?? parsed
  } catch {
    body = undefined
  }
  const ok = response.status >= 200 && response.status < 300
  const string = (value: unknown) => (typeof value === 'string' ? value : '-')
  return {
    status: ok ? '2xx' : String(response.status),
    code: ok ? '-' : string(body?.code),
    message: ok ? '-' : string(body?.message),
    allow: response.headers.get('allow') ?? '-',
    retryAfter: response.headers.get('retry-after') ?? '-',
    requestId: idOf(response.headers.get('x-request-id'), ok ? undefined : body?.requestId, sentId),
  }
}

function idOf(header: string | null, body: unknown, sent: string | null): string {
  if (header === null && body === undefined) return '-'
  if (body !== undefined && body !== header) return `header ${header} ≠ body ${String(body)}`
  if (header === sent) return 'echoed'
  return header !== null && UUID.test(header) ? 'fresh' : `other: ${header}`
}

/** One row: the request's name and a cell per surface. */
export interface Row {
  readonly name: string
  readonly cells: readonly Cell[]
}

/** Sends every odd request to every surface, one after the other. */
export async function buildTable(
  surfaces: readonly Surface[],
  keys: Keys,
  origin = 'http://localhost',
): Promise<Row[]> {
  const rows: Row[] = []
  for (const row of oddRequests) {
    const cells: Cell[] = []
    for (const surface of surfaces) {
      const request = requestFor(row, surface, keys, origin)
      const sentId = request.headers.get('x-request-id')
      cells.push(await cellOf(await surface.send(request), sentId))
    }
    rows.push({ name: row.name, cells })
  }
  return rows
}

/** The rows whose cells differ between surfaces, with what differs. */
export function differences(rows: readonly Row[], surfaces: readonly Surface[]): string[] {
  const found: string[] = []
  for (const row of rows) {
    const [first, ...rest] = row.cells
    rest.forEach((cell, i) => {
      for (const key of Object.keys(cell) as (keyof Cell)[]) {
        if (cell[key] !== first?.[key]) {
          found.push(
            `${row.name}: ${key} is ${JSON.stringify(first?.[key])} on ${surfaces[0]?.name} but ${JSON.stringify(cell[key])} on ${surfaces[i + 1]?.name}`,
          )
        }
      }
    })
  }
  return found
}

/** The table in Markdown: one row per request, one column per surface. */
export function markdown(rows: readonly Row[], surfaces: readonly Surface[]): string {
  const head = ['request', ...surfaces.map((surface) => surface.name)]
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`]
  for (const row of rows) {
    const cells = row.cells.map((cell) =>
      [
        cell.status,
        cell.code,
        cell.message === '-' ? '' : `“${cell.message}”`,
        cell.allow === '-' ? '' : `allow: ${cell.allow}`,
        cell.retryAfter === '-' ? '' : `retry-after: ${cell.retryAfter}`,
        cell.requestId === '-' ? '' : `id: ${cell.requestId}`,
      ]
        .filter((part) => part !== '' && part !== '-')
        .join('<br>'),
    )
    lines.push(`| ${row.name} | ${cells.join(' | ')} |`)
  }
  return `${lines.join('\n')}\n`
}
