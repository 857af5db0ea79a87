import { declareErrors, type ErrorContext } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { declares } from './declared'
import { errorBoundary, errorHandler } from './handler'

/** An app whose /posts/:code declares POST_NOT_FOUND and throws the code it is asked for. */
function app(undeclared?: 'fail') {
  const heard: [string, boolean | undefined][] = []
  const onError = (_: unknown, { error, undeclared }: ErrorContext) => {
    heard.push([error.code, undeclared])
  }
  const options = { catalog: errors, onError, undeclared }
  const app = new Hono()
  app.use(errorBoundary(options))
  app.onError(errorHandler(options))
  app.get('/posts/:code', declares(declareErrors(errors, ['POST_NOT_FOUND'])), (c) => {
    const code = c.req.param('code')
    if (code === 'POST_NOT_FOUND') throw errors.create(code, { data: { postId: '7' } })
    throw errors.create(code as 'VOTE_EXISTS' | 'UNAUTHORIZED')
  })
  app.get('/plain', () => {
    throw errors.create('VOTE_EXISTS')
  })
  return { app, heard }
}

describe('declares', () => {
  it('answers declared and common codes as ever, unflagged', async () => {
    const { app: served, heard } = app()
    const notFound = await served.request('/posts/POST_NOT_FOUND')
    const unauthorized = await served.request('/posts/UNAUTHORIZED')
    expect([notFound.status, unauthorized.status]).toEqual([404, 401])
    expect(heard).toEqual([
      ['POST_NOT_FOUND', false],
      ['UNAUTHORIZED', false],
    ])
  })

  it('answers an undeclared error correctly and reports it as undeclared', async () => {
    const { app: served, heard } = app()
    const response = await served.request('/posts/VOTE_EXISTS')
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      409,
      'VOTE_EXISTS',
    ])
    expect(heard).toEqual([['VOTE_EXISTS', true]])
  })

  it("answers 500 with undeclared: 'fail', and leaves undeclared routes alone", async () => {
    const { app: served, heard } = app('fail')
    const response = await served.request('/posts/VOTE_EXISTS')
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      500,
      'SERVER_ERROR',
    ])
    expect((await served.request('/plain')).status).toBe(409)
    expect(heard).toEqual([
      ['SERVER_ERROR', true],
      ['VOTE_EXISTS', undefined],
    ])
  })
})
