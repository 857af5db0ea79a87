import { errors, SECRET } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { defineErrors } from './catalog'
import { defaultErrors } from './defaults'
import { prefersProblemJson, problemDetails, statusPhrase, toProblem } from './problem'

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
      title: 'Not Found',
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
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our end',
      code: 'SERVER_ERROR',
    })
  })

  it('titles an about:blank problem with the status phrase and sends the message as detail', () => {
    const problem = toProblem(errors.create('VOTE_EXISTS', { message: 'Voted on p_1 already' }))
    expect([problem.type, problem.title, problem.detail]).toEqual([
      'about:blank',
      'Conflict',
      'Voted on p_1 already',
    ])
  })

  it("uses the docUrl of the code as its type, titled with the code's default message", () => {
    const linked = defineErrors(
      { ...defaultErrors, POST_NOT_FOUND: { status: 404, message: 'Post not found' } },
      { referenceUrl: 'https://api.example/errors' },
    )
    const problem = toProblem(linked.create('POST_NOT_FOUND', { message: 'No post p_1' }))
    expect(problem).toEqual({
      type: 'https://api.example/errors#post_not_found',
      title: 'Post not found',
      status: 404,
      detail: 'No post p_1',
      code: 'POST_NOT_FOUND',
    })
    expect(problem).not.toHaveProperty('docUrl')
  })

  it("takes a type URI, titled with the code's default message", () => {
    const problem = toProblem(errors.create('VOTE_EXISTS'), {
      type: 'https://docs.example/errors#vote_exists',
    })
    expect([problem.type, problem.title]).toEqual([
      'https://docs.example/errors#vote_exists',
      'User has already voted on this post',
    ])
  })
})

describe('statusPhrase', () => {
  it.each([
    [400, 'Bad Request'],
    [402, 'Payment Required'],
    [404, 'Not Found'],
    [413, 'Content Too Large'],
    [417, 'Expectation Failed'],
    [421, 'Misdirected Request'],
    [422, 'Unprocessable Content'],
    [429, 'Too Many Requests'],
    [431, 'Request Header Fields Too Large'],
    [451, 'Unavailable For Legal Reasons'],
    [500, 'Internal Server Error'],
    [504, 'Gateway Timeout'],
    [508, 'Loop Detected'],
    [511, 'Network Authentication Required'],
  ])('%i → %s', (status, phrase) => {
    expect(statusPhrase(status)).toBe(phrase)
  })

  it.each([
    [418, 'Client Error'],
    [420, 'Client Error'],
    [427, 'Client Error'],
    [499, 'Client Error'],
    [509, 'Server Error'],
    [599, 'Server Error'],
  ])('names the class of %i, which has no phrase: %s', (status, phrase) => {
    expect(statusPhrase(status)).toBe(phrase)
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
      title: 'Conflict',
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
