import type { ApiError, DefaultCode } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expectTypeOf, it } from 'vitest'
import { ensureOk, readResult } from './client'

const response = new Response()

describe('client helper types', () => {
  it('narrows the error of readResult by code', async () => {
    const result = await readResult(response, { catalog: errors })
    if (result.ok) {
      expectTypeOf(result.response).toEqualTypeOf<Response>()
      return
    }
    if (result.error.code === 'POST_NOT_FOUND') {
      expectTypeOf(result.error.data).toEqualTypeOf<{ postId: string }>()
      expectTypeOf(result.error).toEqualTypeOf<ApiError<'POST_NOT_FOUND', { postId: string }>>()
    }
    if (result.error.code === 'VOTE_EXISTS') {
      expectTypeOf(result.error.data).toEqualTypeOf<undefined>()
    }
    expectTypeOf(result.error.retryAfter).toEqualTypeOf<number | Date | undefined>()
    // @ts-expect-error a misspelt code does not compile
    if (result.error.code === 'POST_NOT_FUND') return
  })

  it('uses the default codes without a catalog', async () => {
    const result = await readResult(response)
    if (!result.ok) expectTypeOf(result.error.code).toEqualTypeOf<DefaultCode>()
  })

  it('returns the response from ensureOk', () => {
    expectTypeOf(ensureOk(response, { catalog: errors })).toEqualTypeOf<Promise<Response>>()
    expectTypeOf(ensureOk(response)).toEqualTypeOf<Promise<Response>>()
  })
})
