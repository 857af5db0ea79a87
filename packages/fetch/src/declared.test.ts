import { declareErrors, type ErrorContext } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { readResult } from './client'
import { withErrors } from './handler'

const getPost = declareErrors(errors, ['POST_NOT_FOUND'])

/** A route that declares POST_NOT_FOUND and throws the code in its query. */
function route(undeclared?: 'fail') {
  const heard: [string, boolean | undefined][] = []
  const onError = (_: unknown, { error, undeclared }: ErrorContext) => {
    heard.push([error.code, undeclared])
  }
  const handler = withErrors(
    (request: Request) => {
      const code = new URL(request.url).searchParams.get('code')
      if (code === 'POST_NOT_FOUND') throw errors.create(code, { data: { postId: '7' } })
      throw errors.create(code as 'VOTE_EXISTS')
    },
    { catalog: errors, onError, declared: getPost, undeclared },
  )
  return { handler, heard }
}

describe('withErrors given a route declaration', () => {
  it('answers declared codes unflagged and undeclared ones flagged, both as they are', async () => {
    const { handler, heard } = route()
    const declared = await handler(new Request('http://localhost/?code=POST_NOT_FOUND'))
    const undeclared = await handler(new Request('http://localhost/?code=VOTE_EXISTS'))
    expect([declared.status, undeclared.status]).toEqual([404, 409])
    expect(heard).toEqual([
      ['POST_NOT_FOUND', false],
      ['VOTE_EXISTS', true],
    ])
  })

  it("answers 500 for an undeclared code with undeclared: 'fail'", async () => {
    const { handler, heard } = route('fail')
    const response = await handler(new Request('http://localhost/?code=VOTE_EXISTS'))
    expect(response.status).toBe(500)
    expect(heard).toEqual([['SERVER_ERROR', true]])
  })
})

describe('readResult given a route declaration', () => {
  it("parses with the declaration's catalog", async () => {
    const { handler } = route()
    const result = await readResult(
      await handler(new Request('http://localhost/?code=POST_NOT_FOUND')),
      { declared: getPost },
    )
    expect(result.ok ? undefined : [result.error.code, result.error.data]).toEqual([
      'POST_NOT_FOUND',
      { postId: '7' },
    ])
    // a code the catalog lacks is read as the catalog's code for the status
    const foreign = Response.json({ code: 'GONE_ELSEWHERE', message: 'x' }, { status: 404 })
    const fallback = await readResult(foreign, { declared: getPost })
    expect(fallback.ok ? undefined : fallback.error.code).toBe('NOT_FOUND')
  })
})
