import { sValidator } from '@hono/standard-validator'
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { hc, type InferRequestType, type InferResponseType } from 'hono/client'
import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { type ValidationErrorBody, validationHook, validator } from './validation'

const post = z.object({
  title: z.string(),
  votes: z.string().transform(Number),
  tags: z.array(z.string()).optional(),
})

describe('validator', () => {
  it('keeps the output type of the schema for c.req.valid()', () => {
    new Hono().post('/', validator('json', post), (c) => {
      expectTypeOf(c.req.valid('json')).toEqualTypeOf<{
        title: string
        votes: number
        tags?: string[] | undefined
      }>()
      return c.json({ ok: true }, 201)
    })
  })

  it('gives hc the input type of the schema and the 400 body', () => {
    const app = new Hono().post('/', validator('json', post), (c) => c.json({ ok: true }, 201))
    const client = hc<typeof app>('http://localhost')
    expectTypeOf<InferRequestType<typeof client.index.$post>['json']>().toEqualTypeOf<{
      title: string
      votes: string
      tags?: string[] | undefined
    }>()
    expectTypeOf<
      InferResponseType<typeof client.index.$post, 400>
    >().toEqualTypeOf<ValidationErrorBody>()
    expectTypeOf<InferResponseType<typeof client.index.$post, 201>>().toEqualTypeOf<{
      ok: true
    }>()
  })

  it('keeps literal unions of a query and widens the rest to what the wire carries', () => {
    const query = v.object({
      order: v.picklist(['asc', 'desc']),
      page: v.optional(v.pipe(v.string(), v.transform(Number))),
      limit: v.unknown(),
    })
    const app = new Hono().get('/', validator('query', query), (c) => {
      expectTypeOf(c.req.valid('query').page).toEqualTypeOf<number | undefined>()
      return c.json([], 200)
    })
    const client = hc<typeof app>('http://localhost')
    expectTypeOf<InferRequestType<typeof client.index.$get>['query']>().toEqualTypeOf<{
      order: 'asc' | 'desc'
      page?: string | undefined
      limit: string | string[]
    }>()
  })

  it('accepts only Hono validation targets and Standard Schemas', () => {
    // @ts-expect-error not a validation target
    validator('body', post)
    // @ts-expect-error not a Standard Schema
    validator('json', { parse: () => ({}) })
  })
})

describe('validationHook', () => {
  const hook = validationHook()

  it('fits the hook of @hono/standard-validator and keeps c.req.valid() typed', () => {
    const app = new Hono().post('/', sValidator('json', post, hook), (c) => {
      expectTypeOf(c.req.valid('json').votes).toEqualTypeOf<number>()
      return c.json({ ok: true }, 201)
    })
    const client = hc<typeof app>('http://localhost')
    expectTypeOf<
      InferResponseType<typeof client.index.$post, 400>
    >().toEqualTypeOf<ValidationErrorBody>()
  })

  it('fits the hook of @hono/zod-validator and keeps c.req.valid() typed', () => {
    const app = new Hono().post('/', zValidator('json', post, hook), (c) => {
      expectTypeOf(c.req.valid('json').votes).toEqualTypeOf<number>()
      return c.json({ ok: true }, 201)
    })
    const client = hc<typeof app>('http://localhost')
    expectTypeOf<
      InferResponseType<typeof client.index.$post, 400>
    >().toEqualTypeOf<ValidationErrorBody>()
  })

  it('types the 400 body with its errors always present', () => {
    expectTypeOf<ValidationErrorBody['code']>().toEqualTypeOf<'VALIDATION_ERROR'>()
    expectTypeOf<ValidationErrorBody['errors']>().toEqualTypeOf<
      readonly { readonly code: string; readonly message: string; readonly path: string }[]
    >()
  })
})
