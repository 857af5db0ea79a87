import { errors } from '@faultline/test-catalog'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { post, read } from '../test/http'
import { readJson } from './body'
import { withErrors } from './handler'

const echo = withErrors(async (request) => Response.json(await readJson(request)), {
  catalog: errors,
})

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
  it.each([
    ['zod', z.object({ title: z.string() })],
    ['valibot', v.object({ title: v.string() })],
  ])('returns the output of a %s schema', async (_, schema) => {
    const create = withErrors(
      async (request) => Response.json(await readJson(request, schema, { catalog: errors })),
      { catalog: errors },
    )
    const response = await create(post('{"title":"Dark mode","extra":1}'))
    expect(await response.json()).toEqual({ title: 'Dark mode' })
  })
})
