import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { defineErrors } from './catalog'
import { defaultErrors } from './defaults'
import { prefersProblemJson, problemDetails, toProblem } from './problem'

describe('prefersProblemJson', () => {
  it.each([
    ['application/problem+json', true],
    ['application/problem+json, application/json', true],
    ['application/json, application/problem+json', true],
    ['application/problem+json;q=0.9, application/json;q=0.8', true],
    ['application/json;q=1, application/problem+json;q=0.5', false],
    ['application/json', false],
    ['*/*', false],
    ['text/html, */*;q=0.8', false],
    ['application/problem+json;q=0', false],
    ['APPLICATION/PROBLEM+JSON', true],
    ['', false],
    [null, false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersProblemJson(accept)).toBe(expected)
  })
})

describe('toProblem', () => {
  it('renders RFC 9457 members with the catalog members as extensions', () => {
    const error = errors.create('POST_NOT_FOUND', {
      data: { postId: 'p_1' },
      message: 'No post p_1',
    })
    expect(toProblem(error, { instance: '/api/v1/posts/p_1', requestId: 'req_1' })).toEqual({
      type: 'about:blank',
      title: 'Post not found',
      status: 404,
      detail: 'No post p_1',
      instance: '/api/v1/posts/p_1',
      code: 'POST_NOT_FOUND',
      data: { postId: 'p_1' },
      requestId: 'req_1',
    })
  })

  it('redacts the detail of a 5xx', () => {
    const problem = toProblem(errors.create('SERVER_ERROR', { message: SECRET }))
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Something went wrong on our end',
      status: 500,
      detail: 'Something went wrong on our end',
      code: 'SERVER_ERROR',
    })
  })

  it('uses the docUrl of the code as its type', () => {
    const linked = defineErrors(defaultErrors, { referenceUrl: 'https://api.example/errors' })
    const problem = toProblem(linked.create('CONFLICT'))
    expect(problem.type).toBe('https://api.example/errors#conflict')
    expect(problem).not.toHaveProperty('docUrl')
  })

  it('takes a type URI', () => {
    expect(
      toProblem(errors.create('VOTE_EXISTS'), { type: 'https://docs.example/errors#vote_exists' })
        .type,
    ).toBe('https://docs.example/errors#vote_exists')
  })
})

describe('problemDetails', () => {
  const error = errors.create('VOTE_EXISTS')
  const asking = (accept: string) =>
    new Request('http://x.test/posts/1/votes', { headers: { accept } })

  it('gives the Problem Details of the error only when Accept prefers them', () => {
    expect(problemDetails(error, asking('application/json'), {})).toBeUndefined()
    expect(problemDetails(error, asking('application/problem+json'), { requestId: 'r' })).toEqual({
      type: 'about:blank',
      title: 'User has already voted on this post',
      status: 409,
      detail: 'User has already voted on this post',
      instance: '/posts/1/votes',
      code: 'VOTE_EXISTS',
      requestId: 'r',
    })
  })

  it("leaves out the instance of a request whose url is only a path (Node's IncomingMessage)", () => {
    const message = {
      url: '/posts/1/votes',
      headers: new Headers({ accept: 'application/problem+json' }),
    } as unknown as Request
    expect(problemDetails(error, message, {})).not.toHaveProperty('instance')
    expect(problemDetails(error, message, {})).toMatchObject({ code: 'VOTE_EXISTS', status: 409 })
  })
})
