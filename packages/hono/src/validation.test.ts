import { defaultErrors, defineErrors, problemDetails } from '@faultline/core'
import { sValidator } from '@hono/standard-validator'
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorHandler } from './handler'
import { validationHook, validator } from './validation'

// Not the shared test catalog: its own wording of VALIDATION_ERROR shows the hook used it.
const errors = defineErrors({
  ...defaultErrors,
  VALIDATION_ERROR: { status: 400, message: 'The request has invalid fields' },
})

const zodPost = z.object({
  title: z.string().min(3),
  email: z.email(),
  tags: z.array(z.string().max(5)).optional(),
})

const valibotPost = v.object({
  title: v.pipe(v.string(), v.minLength(3)),
  email: v.pipe(v.string(), v.email()),
  tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(5)))),
})

const hook = validationHook({ catalog: errors })

function makeApp() {
  const app = new Hono()
  app.onError(errorHandler({ catalog: errors, problemDetails }))
  app.post('/zod', zValidator('json', zodPost, hook), (c) => c.json(c.req.valid('json'), 201))
  app.post('/standard', sValidator('json', zodPost, hook), (c) => c.json(c.req.valid('json'), 201))
  app.post('/valibot', sValidator('json', valibotPost, hook), (c) =>
    c.json(c.req.valid('json'), 201),
  )
  app.post('/wrapped', validator('json', zodPost, { catalog: errors }), (c) =>
    c.json(c.req.valid('json'), 201),
  )
  app.get(
    '/search',
    validator('query', z.object({ q: z.string().min(1), page: z.coerce.number().int().min(1) })),
    (c) => c.json(c.req.valid('query')),
  )
  return app
}

const invalid = { title: 'hi', email: 'hunter2-not-an-email', tags: ['ok', 'far-too-long'] }

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return makeApp().request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

describe('validationHook', () => {
  it('answers a zValidator failure with VALIDATION_ERROR and JSON Pointer paths', async () => {
    const res = await post('/zod', invalid)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "code": "VALIDATION_ERROR",
        "errors": [
          {
            "code": "too_small",
            "message": "Too small: expected string to have >=3 characters",
            "path": "/title",
          },
          {
            "code": "invalid_format",
            "message": "Invalid email address",
            "path": "/email",
          },
          {
            "code": "too_big",
            "message": "Too big: expected string to have <=5 characters",
            "path": "/tags/1",
          },
        ],
        "message": "The request has invalid fields",
      }
    `)
  })

  it('answers an sValidator failure with zod the same way', async () => {
    const zod = await (await post('/zod', invalid)).json()
    const standard = await post('/standard', invalid)
    expect(standard.status).toBe(400)
    expect(await standard.json()).toEqual(zod)
  })

  it('lets valid input through to the handler', async () => {
    const body = { title: 'Dark mode', email: 'ada@example.com' }
    for (const path of ['/zod', '/standard', '/valibot', '/wrapped']) {
      const res = await post(path, body)
      expect(res.status).toBe(201)
      expect(await res.json()).toEqual(body)
    }
  })

  it('reports a missing body as a validation failure of the whole input', async () => {
    const res = await makeApp().request('/zod', { method: 'POST' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      errors: [{ code: 'invalid_type', path: '/title' }, { path: '/email' }],
    })
  })

  it("answers malformed JSON with Hono's own 400 as BAD_REQUEST", async () => {
    const res = await makeApp().request('/zod', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'Malformed JSON in request body',
    })
  })
})

describe('validator', () => {
  it('validates with the catalog built in', async () => {
    const res = await post('/wrapped', invalid)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(await (await post('/zod', invalid)).json())
  })

  it("reads a json body with core's reader: a limit without bodyLimit, 415 for other types", async () => {
    const app = new Hono()
    app.onError(errorHandler({ catalog: errors }))
    app.post('/small', validator('json', zodPost, { catalog: errors, limit: 16 }), (c) =>
      c.json(c.req.valid('json')),
    )
    const body = JSON.stringify({ title: 'Hello', email: 'a@b.co' })
    const big = await app.request('/small', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    })
    expect(await big.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 16 bytes',
    })
    const text = await makeApp().request('/wrapped', { method: 'POST', body })
    expect(text.status).toBe(415)
  })

  it('leaves c.req.json() working after the validator read the body', async () => {
    const app = new Hono()
    app.post('/echo', validator('json', zodPost), async (c) => c.json(await c.req.json()))
    const body = { title: 'Hello', email: 'a@b.co', extra: 1 }
    const res = await app.request('/echo', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    })
    expect(await res.json()).toEqual(body)
  })

  it('validates a query and hands the handler the parsed output', async () => {
    const ok = await makeApp().request('/search?q=dark&page=2')
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ q: 'dark', page: 2 })
    const bad = await makeApp().request('/search?page=0')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchInlineSnapshot(`
      {
        "code": "VALIDATION_ERROR",
        "errors": [
          {
            "code": "invalid_type",
            "message": "Invalid input: expected string",
            "path": "/q",
          },
          {
            "code": "too_small",
            "message": "Too small: expected number to be >=1",
            "path": "/page",
          },
        ],
        "message": "Validation failed",
      }
    `)
  })
})
