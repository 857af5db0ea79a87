import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { BODY_LIMIT, readJsonBody, readJsonText } from './body'
import { isApiError } from './brand'

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request('http://localhost/posts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

function streamed(body: ReadableStream, headers: Record<string, string> = {}) {
  return new Request('http://localhost/posts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit)
}

/** A body that streams `total` bytes in 1 KiB chunks, counting pulls and cancels. */
function stream(total: number) {
  const counter = { pulled: 0, cancelled: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close()
      counter.pulled += 1024
      controller.enqueue(new TextEncoder().encode(' '.repeat(1024)))
    },
    cancel() {
      counter.cancelled += 1
    },
  })
  return { body, counter }
}

/** What readJsonBody threw, as the client would see it. */
async function refusal(request: Request, limit?: number) {
  const thrown = await readJsonBody(request, { catalog: errors, limit }).then(
    () => undefined,
    (error: unknown) => error,
  )
  if (!isApiError(thrown)) throw new Error(`expected a catalog error, got ${String(thrown)}`)
  return { status: thrown.status, code: thrown.code, message: thrown.message }
}

const TYPE = {
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  message: 'The request body must be JSON (application/json or a +json type) in UTF-8',
}
const MALFORMED = {
  status: 400,
  code: 'BAD_REQUEST',
  message: 'The request body is not valid JSON',
}
const tooLarge = (limit: number) => ({
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: `The request body is larger than the limit of ${limit} bytes`,
})

describe('readJsonBody', () => {
  it('returns the parsed body', async () => {
    expect(await readJsonBody(post('{"title":"Dark mode","tags":["ui"]}'))).toEqual({
      title: 'Dark mode',
      tags: ['ui'],
    })
  })

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset="UTF-8"',
    'application/vnd.api+json',
    'application/ld+json',
    'application/merge-patch+json; charset=utf-8',
  ])('accepts content-type %s', async (type) => {
    expect(await readJsonBody(post('[1,2]', { 'content-type': type }))).toEqual([1, 2])
  })

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'text/json',
    'application/json-seq',
    'application/json; charset=iso-8859-1',
    '',
  ])('answers 415 for content-type %j', async (type) => {
    expect(await refusal(post('{}', { 'content-type': type }))).toEqual(TYPE)
  })

  it('answers 415 when content-type is missing', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: '{}' })
    request.headers.delete('content-type')
    expect(await refusal(request)).toEqual(TYPE)
  })

  it.each([
    ['no body at all', null, {}],
    ['an empty body', '', {}],
    ['content-length: 0 of any type', '', { 'content-type': 'text/plain', 'content-length': '0' }],
  ])('gives undefined (no input) for %s', async (_, body, headers) => {
    expect(await readJsonBody(post(body, headers))).toBeUndefined()
    expect(await readJsonText(post(body, headers))).toBe('')
  })

  it('answers 400 for malformed JSON without quoting the body', async () => {
    const body = '{"title": "secret-token-123",'
    const thrown: unknown = await readJsonBody(post(body)).catch((error: unknown) => error)
    expect(await refusal(post(body))).toEqual(MALFORMED)
    expect(isApiError(thrown) && JSON.stringify(thrown.toJSON())).not.toContain('secret-token')
    expect(isApiError(thrown) && thrown.cause).toBeUndefined()
  })

  it('answers 400 for a whitespace-only body', async () => {
    expect(await refusal(post(' \n\t '))).toEqual(MALFORMED)
  })

  it('answers 400 for a body that is not valid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])
    expect(await refusal(post(bytes))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body is not valid UTF-8',
    })
  })

  it('accepts a UTF-8 body with multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"title":"Grüße 👋"}')
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3))
        controller.close()
      },
    })
    expect(await readJsonBody(streamed(body))).toEqual({ title: 'Grüße 👋' })
  })

  it('answers 413 from content-length without reading or cancelling the body', async () => {
    const { body, counter } = stream(2 * 1024 * 1024)
    const request = streamed(body, { 'content-length': String(2 * 1024 * 1024) })
    expect(await refusal(request)).toEqual(tooLarge(BODY_LIMIT))
    expect(counter.pulled).toBeLessThanOrEqual(1024)
    expect(counter.cancelled).toBe(0)
  })

  it('answers 413 for a streamed body without content-length, and stops reading it', async () => {
    const { body, counter } = stream(8 * 1024 * 1024)
    const request = streamed(body)
    expect(request.headers.get('content-length')).toBeNull()
    expect(await refusal(request)).toEqual(tooLarge(BODY_LIMIT))
    expect(counter.pulled).toBeLessThan(BODY_LIMIT + 64 * 1024)
    expect(counter.cancelled).toBe(0)
    expect(request.body?.locked).toBe(false) // left for drainBody
  })

  it('answers 413 when content-length lies about a larger body', async () => {
    const { body } = stream(2 * 1024 * 1024)
    expect(await refusal(streamed(body, { 'content-length': '2' }))).toEqual(tooLarge(BODY_LIMIT))
  })

  it('honours a custom limit, counting bytes rather than characters', async () => {
    expect(await refusal(post('"ééééé"'), 10)).toEqual(tooLarge(10)) // 7 characters, 12 bytes
    expect(await readJsonBody(post('"éééé"'), { limit: 10 })).toBe('éééé') // 10 bytes
  })

  it('checks the content type before the size', async () => {
    const big = 'x'.repeat(20)
    expect(await refusal(post(big, { 'content-type': 'text/plain' }), 10)).toEqual(TYPE)
  })

  it('answers 400 when the body stream fails mid-read (client gone)', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('ECONNRESET'))
      },
    })
    expect(await refusal(streamed(body))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body could not be read',
    })
  })

  it('throws a TypeError (a server bug) on a second read or a bad limit', async () => {
    const request = post('{}')
    await request.text()
    await expect(readJsonBody(request)).rejects.toThrow(TypeError)
    await expect(readJsonBody(post('{}'), { limit: -1 })).rejects.toThrow(TypeError)
  })

  it('keeps __proto__ keys as plain data (no prototype pollution)', async () => {
    const parsed = (await readJsonBody(
      post('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    )) as Record<string, unknown>
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: true })
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})

describe('readJsonText', () => {
  it('gives the text of a JSON body, as it came', async () => {
    expect(await readJsonText(post('{ "a": 1e400 }'))).toBe('{ "a": 1e400 }')
  })

  it('refuses what readJsonBody refuses', async () => {
    await expect(readJsonText(post('{'))).rejects.toMatchObject(MALFORMED)
    await expect(readJsonText(post('{}', { 'content-type': 'text/plain' }))).rejects.toMatchObject(
      TYPE,
    )
  })
})
