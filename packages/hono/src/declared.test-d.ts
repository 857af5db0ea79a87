import { declareErrors, defaultErrors, defineErrors, fields } from '@faultline/core'
import { Hono } from 'hono'
import { hc, type InferResponseType } from 'hono/client'
import { describe, expectTypeOf, it } from 'vitest'
import { declares } from './declared'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found', data: fields<{ postId: string }>() },
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
})

const app = new Hono()
  .get('/posts/:id', declares(declareErrors(errors, ['POST_NOT_FOUND'])), (c) =>
    c.json({ id: c.req.param('id') }, 200),
  )
  .post(
    '/posts/:id/votes',
    declares(declareErrors(errors, ['POST_NOT_FOUND', 'VOTE_EXISTS'], { common: [] })),
    (c) => c.json({ voted: true }, 201),
  )
const client = hc<typeof app>('http://localhost')

describe('declares', () => {
  it("types a route's error responses with exactly its declared codes", () => {
    type Get = (typeof client.posts)[':id']['$get']
    expectTypeOf<InferResponseType<Get, 200>>().toEqualTypeOf<{ id: string }>()
    // a 404 route narrows to its 404 codes: not the catalog's NOT_FOUND
    expectTypeOf<InferResponseType<Get, 404>['code']>().toEqualTypeOf<'POST_NOT_FOUND'>()
    expectTypeOf<InferResponseType<Get, 404>['data']>().toEqualTypeOf<{ postId: string }>()
    // the common codes every route may answer
    expectTypeOf<InferResponseType<Get, 429>['code']>().toEqualTypeOf<'TOO_MANY_REQUESTS'>()
    expectTypeOf<InferResponseType<Get, 400>['code']>().toEqualTypeOf<
      'BAD_REQUEST' | 'VALIDATION_ERROR'
    >()
    // VOTE_EXISTS is not declared: no 409 for this route
    expectTypeOf<InferResponseType<Get, 409>>().toBeNever()
  })

  it('gives each route its own codes', () => {
    type Vote = (typeof client.posts)[':id']['votes']['$post']
    expectTypeOf<InferResponseType<Vote, 409>['code']>().toEqualTypeOf<'VOTE_EXISTS'>()
    // common: [] declares no common codes
    expectTypeOf<InferResponseType<Vote, 429>>().toBeNever()
  })

  it('narrows a response on status', async () => {
    const res = await client.posts[':id'].$get({ param: { id: '7' } })
    if (res.status === 404) {
      const body = await res.json()
      expectTypeOf(body.data.postId).toBeString()
    }
  })
})
