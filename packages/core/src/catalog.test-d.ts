import { errors } from '@faultline/test-catalog'
import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { isApiError } from './brand'
import { type ApiErrorOf, defineErrors } from './catalog'
import type { ApiError } from './error'

describe('catalog types', () => {
  it('types the error by its code and data', () => {
    expectTypeOf(errors.create('VOTE_EXISTS')).toEqualTypeOf<ApiError<'VOTE_EXISTS', undefined>>()
    expectTypeOf(errors.create('POST_NOT_FOUND', { data: { postId: 'p' } }).data).toEqualTypeOf<{
      postId: string
    }>()
  })

  it('rejects misspelt codes and wrong data', () => {
    // @ts-expect-error a misspelt code does not compile
    errors.create('POST_NOT_FUND')
    // @ts-expect-error data is required when the entry declares it
    errors.create('POST_NOT_FOUND')
    // @ts-expect-error data of the wrong type
    errors.create('POST_NOT_FOUND', { data: { postId: 7 } })
    // @ts-expect-error data where the entry declares none
    errors.create('VOTE_EXISTS', { data: { postId: 'p' } })
  })

  it('narrows with the catalog and with isApiError', () => {
    const caught: unknown = null
    if (errors.is(caught, 'POST_NOT_FOUND')) {
      expectTypeOf(caught.data).toEqualTypeOf<{ postId: string }>()
    }
    if (isApiError(caught, 'VOTE_EXISTS')) {
      expectTypeOf(caught.code).toEqualTypeOf<'VOTE_EXISTS'>()
    }
  })

  it('gives a union of every error of the catalog, narrowable on code', () => {
    const error = {} as ApiErrorOf<typeof errors>
    if (error.code === 'POST_NOT_FOUND')
      expectTypeOf(error.data).toEqualTypeOf<{ postId: string }>()
    if (error.code === 'VOTE_EXISTS') expectTypeOf(error.data).toEqualTypeOf<undefined>()
  })

  it("types data from a Standard Schema's output", () => {
    const checked = defineErrors({
      POST_NOT_FOUND: { status: 404, message: 'Not found', data: z.object({ postId: z.string() }) },
      QUOTA: { status: 429, message: 'Quota', data: v.object({ limit: v.number() }) },
    })
    expectTypeOf(checked.create('QUOTA', { data: { limit: 1 } }).data).toEqualTypeOf<{
      limit: number
    }>()
    // @ts-expect-error data is required when a schema declares it
    checked.create('POST_NOT_FOUND')
    // @ts-expect-error data of the wrong type
    checked.create('POST_NOT_FOUND', { data: { postId: 7 } })
    const error = {} as ApiErrorOf<typeof checked>
    if (error.code === 'POST_NOT_FOUND')
      expectTypeOf(error.data).toEqualTypeOf<{ postId: string }>()
  })
})
