import { errors } from '@faultline/test-catalog'
import { describe, expect, it, vi } from 'vitest'
import { defineErrors } from './catalog'
import { declareErrors } from './declared'
import { type ErrorReporter, handleError, reportAndRender } from './response'

describe('declareErrors', () => {
  it('lists the declared codes, then the common ones the catalog defines', () => {
    const small = defineErrors({
      GONE: { status: 410, message: 'Gone' },
      UNAUTHORIZED: { status: 401, message: 'Who are you?' },
      SERVER_ERROR: { status: 500, message: 'Oops' },
    })
    expect(declareErrors(small, ['GONE']).codes).toEqual(['GONE', 'UNAUTHORIZED', 'SERVER_ERROR'])
    const getPost = declareErrors(errors, ['POST_NOT_FOUND'])
    expect([getPost.has('POST_NOT_FOUND'), getPost.has('VOTE_EXISTS'), getPost.has(7)]).toEqual([
      true,
      false,
      false,
    ])
    // not what every route may answer: route errors and app codes
    expect(['NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT'].filter(getPost.has)).toEqual([])
  })

  it('takes its own common codes', () => {
    const vote = declareErrors(errors, ['VOTE_EXISTS', 'POST_NOT_FOUND'], {
      common: ['SERVER_ERROR', 'VOTE_EXISTS'],
    })
    expect(vote.codes).toEqual(['VOTE_EXISTS', 'POST_NOT_FOUND', 'SERVER_ERROR'])
  })

  it('refuses a code the catalog lacks, at declaration time', () => {
    // @ts-expect-error not a code of the catalog
    expect(() => declareErrors(errors, ['POST_NOT_FUND'])).toThrow(
      new TypeError('Error code "POST_NOT_FUND" is not in the catalog'),
    )
  })
})

describe('an undeclared error', () => {
  const getPost = declareErrors(errors, ['POST_NOT_FOUND'])
  const request = new Request('http://localhost/posts/7')

  it('is answered as itself and reported as undeclared', async () => {
    const onError = vi.fn<ErrorReporter>()
    const response = handleError(errors.create('VOTE_EXISTS'), {
      request,
      catalog: errors,
      declared: getPost,
      onError,
    })
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      409,
      'VOTE_EXISTS',
    ])
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ undeclared: true, expected: true })
  })

  it('is not flagged when declared or common', () => {
    const onError = vi.fn<ErrorReporter>()
    const declared = { request, catalog: errors, declared: getPost, onError }
    reportAndRender(errors.create('POST_NOT_FOUND', { data: { postId: '7' } }), declared)
    reportAndRender(new Error('boom'), declared)
    reportAndRender(errors.create('VOTE_EXISTS'), { request, catalog: errors, onError })
    expect(onError.mock.calls.map(([, context]) => context.undeclared)).toEqual([
      false,
      false,
      undefined,
    ])
  })

  it("is a 500 with undeclared: 'fail', the original kept as cause", () => {
    const onError = vi.fn<ErrorReporter>()
    const thrown = errors.create('VOTE_EXISTS')
    const { status, body, error } = reportAndRender(thrown, {
      request,
      catalog: errors,
      declared: getPost,
      undeclared: 'fail',
      onError,
    })
    expect([status, JSON.parse(body ?? '').code, error.cause]).toEqual([
      500,
      'SERVER_ERROR',
      thrown,
    ])
    expect(onError).toHaveBeenCalledWith(thrown, expect.objectContaining({ undeclared: true }))
  })
})
