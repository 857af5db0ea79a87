import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { readJson } from './body'

const request = new Request('http://localhost/', { method: 'POST' })

describe('readJson types', () => {
  it('is unknown without a schema', () => {
    expectTypeOf(readJson(request)).toEqualTypeOf<Promise<unknown>>()
    expectTypeOf(readJson(request, { limit: 1024 })).toEqualTypeOf<Promise<unknown>>()
  })

  it('is the output type of a zod schema', () => {
    const schema = z.object({ title: z.string(), votes: z.string().transform(Number) })
    expectTypeOf(readJson(request, schema)).toEqualTypeOf<
      Promise<{ title: string; votes: number }>
    >()
  })

  it('is the output type of a valibot schema', () => {
    const schema = v.object({ title: v.string(), tags: v.optional(v.array(v.string())) })
    expectTypeOf(readJson(request, schema, { limit: 10 })).toEqualTypeOf<
      Promise<{ title: string; tags?: string[] | undefined }>
    >()
  })

  it('rejects options of the wrong type', () => {
    // @ts-expect-error limit is a number of bytes
    readJson(request, { limit: '1mb' })
    // @ts-expect-error options come after the schema
    readJson(request, z.string(), z.string())
  })
})
