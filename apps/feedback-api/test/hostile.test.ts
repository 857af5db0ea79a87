import { exports } from 'cloudflare:workers'
import { afterAll, describe, expect, it } from 'vitest'
import { quietReporter, rowCounts } from './expect'
import {
  create,
  type HostileCase,
  hostileCases,
  hostileRequestIds,
  REQUEST_ID,
} from './hostile-cases'
import { type Surface, surfaces } from './surfaces'

quietReporter()

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const POST_FIELDS = ['createdAt', 'description', 'id', 'title', 'votes']
// REST answers a new post with 201; tRPC answers every successful call with 200.
const created = { hono: 201, fetch: 201, trpc: 200 } as const

interface Seen {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The catalog error, out of tRPC's envelope or Problem Details; or the data of a success. */
  readonly body: Record<string, unknown> | undefined
}

async function send(surface: Surface, request: Request): Promise<Seen> {
  const response = await exports.default.fetch(request)
  const text = await response.text()
  let body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>)
  if (surface === 'trpc' && body) {
    const envelope = body as { error?: { data?: { error?: unknown } }; result?: { data?: unknown } }
    body = (envelope.error ? envelope.error.data?.error : envelope.result?.data) as typeof body
  } else if (body?.type !== undefined && body.detail !== undefined) {
    const { detail, ...problem } = body
    body = { ...problem, message: detail }
  }
  return { status: response.status, headers: response.headers, text, body }
}

/** Everything a client gets back, headers included, as one string to search. */
const everything = (seen: Seen) =>
  [...seen.headers].map(([name, value]) => `${name}: ${value}`).join('\n') + seen.text

const markerOf = (testCase: HostileCase, surface: Surface) =>
  `hostile${hostileCases.indexOf(testCase)}${surface}marker`

describe.each(hostileCases)('$name', (testCase) => {
  const applies = surfaces.filter((surface) => !testCase.skip?.includes(surface))

  it.each(applies)(
    'answers with the catalog on %s, writing nothing on an error',
    async (surface) => {
      const before = await rowCounts()
      const seen = await send(surface, testCase.request(surface, markerOf(testCase, surface)))
      const { expected } = testCase
      if ('code' in expected) {
        expect(seen.status).toBe(expected.status)
        expect(seen.body).toMatchObject({ code: expected.code, message: expected.message })
        expect(seen.body?.requestId).toBe(REQUEST_ID)
        expect(await rowCounts()).toEqual(before)
      } else {
        expect(seen.status).toBe(created[surface])
        expect(Object.keys(seen.body ?? {}).sort()).toEqual(POST_FIELDS)
      }
    },
  )

  it.each(applies)('sends none of the input back on %s', async (surface) => {
    const marker = markerOf(testCase, surface)
    const seen = await send(surface, testCase.request(surface, marker))
    expect(everything(seen)).not.toContain(marker)
  })
})

describe('prototype keys', () => {
  it.each(surfaces)(
    'pollute nothing and create a post with only its own fields on %s',
    async (surface) => {
      const body =
        '{"title":"Proto","__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}'
      const seen = await send(surface, create(surface, body))
      expect(seen.status).toBe(created[surface])
      expect(seen.body).toEqual({
        id: expect.stringMatching(UUID),
        title: 'Proto',
        description: null,
        votes: 0,
        createdAt: expect.any(String),
      })
      expect(Object.getPrototypeOf(seen.body)).toBe(Object.prototype)
      // the Worker runs in this isolate: a polluted prototype would show here
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
      const readBack = await send(
        'hono',
        new Request(`http://localhost/api/v1/posts/${seen.body?.id}`),
      )
      expect(readBack.body).toEqual(seen.body)
    },
  )
})

describe('a 10 MB body streamed without content-length', () => {
  it.each(surfaces)('answers 413 on %s, then drains the rest', async (surface) => {
    const marker = `hostilestream${surface}marker`
    const chunk = new TextEncoder().encode(marker.repeat(Math.ceil(65_536 / marker.length)))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const request = create(surface, body)
    expect(request.headers.get('content-length')).toBeNull()
    const seen = await send(surface, request)
    expect(seen.status).toBe(413)
    expect(seen.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', requestId: REQUEST_ID })
    expect(everything(seen)).not.toContain(marker)
    // read to the 64 KiB limit, then to its end so that the connection survives
    // (runtime-tests/host/oversize.test.ts, test/browser/oversize.test.ts)
    expect(sent).toBeGreaterThanOrEqual(10 * 1024 * 1024)
  })
})

describe.each(hostileRequestIds)('an x-request-id with %s', (_, value) => {
  it.each(surfaces)('is replaced by a fresh UUID on %s, and not sent back', async (surface) => {
    const marker = `hostileid${surface}marker`
    const seen = await send(
      surface,
      create(surface, '{"title":', { 'x-request-id': value(marker) }),
    )
    expect(seen.status).toBe(400)
    expect(seen.body).toMatchObject({ code: 'BAD_REQUEST' })
    expect(seen.body?.requestId).toMatch(UUID)
    expect(seen.headers.get('x-request-id')).toBe(seen.body?.requestId)
    expect(everything(seen)).not.toContain(marker)
  })
})

it('cannot even send a CR or LF in x-request-id: Headers refuses it', () => {
  expect(() => new Headers({ 'x-request-id': 'a\r\nset-cookie: x=1' })).toThrow(TypeError)
  expect(() => new Headers({ 'x-request-id': 'a\nb' })).toThrow(TypeError)
})

afterAll(async () => {
  // none of it broke the Worker
  const after = await send('hono', new Request('http://localhost/api/v1/posts'))
  expect(after.status).toBe(200)
})

it('answers each case the same way on every surface', async () => {
  // ECHO: the marker came back; "new id": the x-request-id was replaced by a fresh UUID
  const cell = (seen: Seen, marker: string) => {
    const { code, requestId } = seen.body ?? {}
    const fresh = typeof requestId === 'string' && UUID.test(requestId) ? ' new id' : ''
    const echo = everything(seen).includes(marker) ? ' ECHO' : ''
    return `${seen.status}${code === undefined ? '' : ` ${code}`}${fresh}${echo}`
  }
  const line = (cells: string[]) => cells.map((text, i) => text.padEnd(i ? 30 : 50)).join('')
  const rows = [line(['case', ...surfaces])]
  for (const testCase of hostileCases) {
    const cells = []
    for (const surface of surfaces) {
      const marker = markerOf(testCase, surface)
      cells.push(
        testCase.skip?.includes(surface)
          ? '–'
          : cell(await send(surface, testCase.request(surface, marker)), marker),
      )
    }
    rows.push(line([testCase.name, ...cells]))
  }
  for (const [name, value] of hostileRequestIds) {
    const cells = []
    for (const surface of surfaces) {
      const marker = `hostileid${surface}marker`
      const request = create(surface, '{"title":', { 'x-request-id': value(marker) })
      cells.push(cell(await send(surface, request), marker))
    }
    rows.push(line([`x-request-id with ${name}`, ...cells]))
  }
  expect(rows.map((row) => row.trimEnd()).join('\n')).toMatchInlineSnapshot(`
    "case                                              hono                          fetch                         trpc
    truncated JSON                                    400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    unquoted value                                    400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    single quotes                                     400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    trailing comma                                    400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    garbage after the JSON                            400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    a bare word                                       400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    an empty body                                     400 VALIDATION_ERROR          400 VALIDATION_ERROR          400 VALIDATION_ERROR
    a NUL byte                                        400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    __proto__, constructor and prototype keys         201                           201                           200
    JSON nested 100k levels                           413 PAYLOAD_TOO_LARGE         413 PAYLOAD_TOO_LARGE         413 PAYLOAD_TOO_LARGE
    JSON nested 30k levels                            400 VALIDATION_ERROR          400 VALIDATION_ERROR          400 VALIDATION_ERROR
    JSON nested 10k levels in an unknown member       201                           201                           200
    10 MB with content-length                         413 PAYLOAD_TOO_LARGE         413 PAYLOAD_TOO_LARGE         413 PAYLOAD_TOO_LARGE
    no content-type                                   415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    text/plain                                        415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    a form                                            415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    multipart                                         415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    a made-up content-type                            415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    a made-up charset                                 415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE    415 UNSUPPORTED_MEDIA_TYPE
    invalid UTF-8 bytes                               400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    an overlong UTF-8 sequence                        400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    an encoded lone surrogate                         400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    a UTF-8 sequence cut short                        400 BAD_REQUEST               400 BAD_REQUEST               400 BAD_REQUEST
    a 64 KB post id                                   400 VALIDATION_ERROR          400 VALIDATION_ERROR          400 VALIDATION_ERROR
    a 64 KB unknown path                              404 NOT_FOUND                 404 NOT_FOUND                 404 NOT_FOUND
    a 64 KB unknown path, asking for Problem Details  404 NOT_FOUND                 404 NOT_FOUND                 –
    a tRPC input that is not JSON                     –                             –                             400 BAD_REQUEST
    x-request-id with 10 KB                           400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with a semicolon                     400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with a comma                         400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with spaces                          400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with a tab                           400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with Latin-1                         400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with a quote and angle brackets      400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id
    x-request-id with a fake header                   400 BAD_REQUEST new id        400 BAD_REQUEST new id        400 BAD_REQUEST new id"
  `)
  // every case on three surfaces, the oversized ones drained to their end
}, 60_000)
