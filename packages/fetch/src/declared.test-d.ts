import { type ApiError, declareErrors } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expectTypeOf, it } from 'vitest'
import { readResult } from './client'

const getPost = declareErrors(errors, ['POST_NOT_FOUND'], { common: ['SERVER_ERROR'] })

describe('readResult with a route declaration', () => {
  it('types the error with exactly the codes the route declares', async () => {
    const result = await readResult(new Response(), { declared: getPost })
    if (result.ok) return
    expectTypeOf(result.error.code).toEqualTypeOf<'POST_NOT_FOUND' | 'SERVER_ERROR'>()
    if (result.error.code === 'POST_NOT_FOUND') {
      expectTypeOf(result.error).toEqualTypeOf<ApiError<'POST_NOT_FOUND', { postId: string }>>()
      expectTypeOf(result.error.data.postId).toBeString()
    }
    // @ts-expect-error VOTE_EXISTS is not declared by the route
    if (result.error.code === 'VOTE_EXISTS') return
  })
})
