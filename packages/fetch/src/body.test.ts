import { errors } from '@faultline/test-catalog'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { post, read } from '../test/http'
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

describe('readJson', () => {
  it('returns the parsed body', async () => {
    const response = await echo(post('{"title":"Dark mode","tags":["ui"]}'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ title: 'Dark mode', tags: ['ui'] })
  })

  it("answers core's body errors through withErrors, honouring the limit", async () => {
    const small = withErrors(async (request) =>
      Response.json(await readJson(request, { catalog: errors, limit: 10 })),
    )
    expect(await read(await small(post('"ééééé"')))).toEqual({
      status: 413,
      headers: {
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        vary: 'accept',
      },
      body: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than the limit of 10 bytes',
      },
    })
    expect((await small(post('"éééé"'))).status).toBe(200)
  })

  it('reports a second read of the body as a server bug (500)', async () => {
    const handler = withErrors(async (request) => {
      await request.text()
      return Response.json(await readJson(request))
    })
    expect((await handler(post('{}'))).status).toBe(500)
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

  it('hands no body to the schema as undefined: a VALIDATION_ERROR at the root', async () => {
    const response = await createWithZod(post(null))
    expect(await response.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        {
          code: 'invalid_type',
          message: 'Invalid input: expected object',
          path: '',
        },
      ],
    })
  })

  it('checks the content type and the JSON before running the schema', async () => {
    expect(
      (await createWithZod(post('{"title":""}', { 'content-type': 'text/plain' }))).status,
    ).toBe(415)
    expect((await createWithZod(post('{"title":', {}))).status).toBe(400)
  })
})
