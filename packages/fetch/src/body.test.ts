import { DRAIN_LIMIT } from '@faultline/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errors, post, read } from '../test/catalog'
import { readJson } from './body'
import { withErrors } from './handler'

const NewPost = z.object({
  title: z.string().min(1),
  tags: z.array(z.string().max(8)).optional(),
})

const NewPostV = v.object({
  title: v.pipe(v.string(), v.minLength(1)),
  tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(8)))),
})

const echo = withErrors(async (request) => Response.json(await readJson(request)), {
  catalog: errors,
})
const createWithZod = withErrors(
  async (request) => Response.json(await readJson(request, NewPost, { catalog: errors })),
  { catalog: errors },
)
const createWithValibot = withErrors(
  async (request) => Response.json(await readJson(request, NewPostV, { catalog: errors })),
  { catalog: errors },
)

/** A body that streams `total` bytes in 1 KiB chunks and counts how many were pulled. */
function stream(total: number) {
  const counter = { pulled: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close()
      counter.pulled += 1024
      controller.enqueue(new TextEncoder().encode(' '.repeat(1024)))
    },
  })
  return { body, counter }
}

function streamed(body: ReadableStream, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/posts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit)
}

describe('readJson', () => {
  it('returns the parsed body', async () => {
    const response = await echo(post('{"title":"Dark mode","tags":["ui"]}'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ title: 'Dark mode', tags: ['ui'] })
  })

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset="UTF-8"',
    'application/vnd.api+json',
    'application/merge-patch+json; charset=utf-8',
  ])('accepts content-type %s', async (type) => {
    const response = await echo(post('[1,2]', { 'content-type': type }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([1, 2])
  })

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'text/json',
    'application/json-seq',
    '',
  ])('answers 415 for content-type %j', async (type) => {
    const response = await echo(post('{}', { 'content-type': type }))
    expect(await read(response)).toEqual({
      status: 415,
      headers: {
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        vary: 'accept',
      },
      body: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body must be JSON, sent with content-type: application/json',
      },
    })
  })

  it('answers 415 when content-type is missing', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: '{}' })
    request.headers.delete('content-type')
    const response = await echo(request)
    expect(response.status).toBe(415)
    expect(((await response.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers 400 for malformed JSON without quoting the body', async () => {
    const response = await echo(post('{"title": "secret-token-123",'))
    const text = await response.text()
    expect(response.status).toBe(400)
    expect(JSON.parse(text)).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON',
    })
    expect(text).not.toContain('secret-token-123')
  })

  it.each([
    ['an empty body', ''],
    ['a whitespace-only body', ' \n\t '],
    ['no body at all', null],
  ])('answers 400 for %s', async (_kind, body) => {
    const response = await echo(post(body))
    expect(await read(response)).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON: it is empty' },
    })
  })

  it('answers 400 for a body that is not valid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])
    const response = await echo(post(bytes))
    expect(await read(response)).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8' },
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
    const response = await echo(streamed(body))
    expect(await response.json()).toEqual({ title: 'Grüße 👋' })
  })

  it('answers 413 from content-length without reading or cancelling the body', async () => {
    let pulls = 0
    let cancels = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1
        controller.error(new Error('the body must not be read')) // would answer 400
      },
      // workerd resets a keep-alive connection whose request body was cancelled
      cancel() {
        cancels += 1
      },
    })
    const response = await echo(streamed(body, { 'content-length': String(2 * 1024 * 1024) }))
    expect(await read(response)).toEqual({
      status: 413,
      headers: {
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        vary: 'accept',
      },
      body: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than the limit of 1048576 bytes',
      },
    })
    expect(pulls).toBeLessThanOrEqual(1)
    expect(cancels).toBe(0)
  })

  it('answers 400 when the body stream fails mid-read (client gone)', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('ECONNRESET'))
      },
    })
    const response = await echo(streamed(body))
    expect(await read(response)).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'The request body could not be read' },
    })
  })

  it('answers 413 for a streamed body without content-length, and stops reading it', async () => {
    const { body, counter } = stream(8 * 1024 * 1024)
    const request = streamed(body)
    expect(request.headers.get('content-length')).toBeNull()
    const response = await echo(request)
    expect(response.status).toBe(413)
    expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE')
    // the limit, then at most DRAIN_LIMIT more that withErrors drains for the connection's sake
    expect(counter.pulled).toBeLessThan(1024 * 1024 + DRAIN_LIMIT + 64 * 1024)
  })

  it('answers 413 when content-length lies about a larger body', async () => {
    const { body } = stream(2 * 1024 * 1024)
    const response = await echo(streamed(body, { 'content-length': '2' }))
    expect(response.status).toBe(413)
  })

  it('honours a custom limit, counting bytes rather than characters', async () => {
    const small = withErrors(async (request) =>
      Response.json(await readJson(request, { limit: 10 })),
    )
    expect((await small(post('"ééééé"'))).status).toBe(413) // 7 characters, 12 bytes
    expect((await small(post('"éééé"'))).status).toBe(200) // 10 bytes
  })

  it('reports a second read of the body as a server bug (500)', async () => {
    const handler = withErrors(async (request) => {
      await request.text()
      return Response.json(await readJson(request))
    })
    expect((await handler(post('{}'))).status).toBe(500)
  })

  it('keeps __proto__ keys as plain data (no prototype pollution)', async () => {
    let parsed: Record<string, unknown> = {}
    const handler = withErrors(async (request) => {
      parsed = (await readJson(request)) as Record<string, unknown>
      return new Response(null, { status: 204 })
    })
    await handler(post('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'))
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true)
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect({ ...parsed }.polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('keeps __proto__ plain through loose zod and valibot schemas', async () => {
    const outputs: object[] = []
    for (const schema of [z.looseObject({}), v.looseObject({})]) {
      const handler = withErrors(async (request) => {
        outputs.push((await readJson(request, schema)) as object)
        return new Response(null, { status: 204 })
      })
      expect((await handler(post('{"__proto__":{"isAdmin":true}}'))).status).toBe(204)
    }
    for (const output of outputs) {
      expect((output as { isAdmin?: unknown }).isAdmin).toBeUndefined()
      expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined()
    }
  })
})

describe('readJson with a schema', () => {
  it('returns the output of a zod schema', async () => {
    const response = await createWithZod(post('{"title":"Dark mode","extra":1}'))
    expect(await response.json()).toEqual({ title: 'Dark mode' })
  })

  it('returns the output of a valibot schema', async () => {
    const response = await createWithValibot(post('{"title":"Dark mode","extra":1}'))
    expect(await response.json()).toEqual({ title: 'Dark mode' })
  })

  it('answers VALIDATION_ERROR with JSON Pointer paths from zod, never the input', async () => {
    const response = await createWithZod(post('{"title":"","tags":["ok","my-secret-tag-value"]}'))
    const text = await response.text()
    expect(text).not.toContain('my-secret-tag-value')
    expect({ status: response.status, body: JSON.parse(text) }).toMatchInlineSnapshot(`
      {
        "body": {
          "code": "VALIDATION_ERROR",
          "errors": [
            {
              "code": "too_small",
              "message": "Too small: expected string to have >=1 characters",
              "path": "/title",
            },
            {
              "code": "too_big",
              "message": "Too big: expected string to have <=8 characters",
              "path": "/tags/1",
            },
          ],
          "message": "Validation failed",
        },
        "status": 400,
      }
    `)
  })

  it('answers VALIDATION_ERROR with JSON Pointer paths from valibot, never the input', async () => {
    const response = await createWithValibot(
      post('{"title":"","tags":["ok","my-secret-tag-value"]}'),
    )
    const text = await response.text()
    expect(text).not.toContain('my-secret-tag-value')
    expect({ status: response.status, body: JSON.parse(text) }).toMatchInlineSnapshot(`
      {
        "body": {
          "code": "VALIDATION_ERROR",
          "errors": [
            {
              "code": "min_length",
              "message": "Invalid length: Expected >=1",
              "path": "/title",
            },
            {
              "code": "max_length",
              "message": "Invalid length: Expected <=8",
              "path": "/tags/1",
            },
          ],
          "message": "Validation failed",
        },
        "status": 400,
      }
    `)
  })

  it('reports a wrong type at the root with an empty path', async () => {
    const response = await createWithZod(post('"just a string"'))
    const body = (await response.json()) as { code: string; errors: { path: string }[] }
    expect(body.code).toBe('VALIDATION_ERROR')
    expect(body.errors.map((issue) => issue.path)).toEqual([''])
    expect(JSON.stringify(body)).not.toContain('just a string')
  })

  it('checks the content type and the JSON before running the schema', async () => {
    expect(
      (await createWithZod(post('{"title":""}', { 'content-type': 'text/plain' }))).status,
    ).toBe(415)
    expect((await createWithZod(post('{"title":', {}))).status).toBe(400)
  })
})
