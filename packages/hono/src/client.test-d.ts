import {
  type ApiErrorOf,
  type CodeBody,
  defaultErrors,
  defineErrors,
  fields,
} from '@faultline/core'
import { Hono } from 'hono'
import { type ApplyGlobalResponse, hc, type InferResponseType } from 'hono/client'
import { describe, expectTypeOf, it } from 'vitest'
import type { CatalogResponses } from './client'
import { errorBoundary, errorHandler, notFoundHandler } from './handler'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    data: fields<{ postId: string }>(),
  },
  TEAPOT: { status: 418, message: 'I am a teapot' },
  CLIENT_CLOSED: { status: 499, message: 'Client closed the request' },
})

describe('CatalogResponses', () => {
  type Responses = CatalogResponses<typeof errors>

  it('keys the catalog bodies by status, each with the codes of that status', () => {
    expectTypeOf<Responses[404]['json']>().toEqualTypeOf<
      CodeBody<'NOT_FOUND', undefined> | CodeBody<'POST_NOT_FOUND', { postId: string }>
    >()
    expectTypeOf<Responses[400]['json']['code']>().toEqualTypeOf<
      'BAD_REQUEST' | 'VALIDATION_ERROR'
    >()
    expectTypeOf<Responses[418]['json']>().toEqualTypeOf<CodeBody<'TEAPOT', undefined>>()
  })

  it('leaves out statuses Hono does not know', () => {
    expectTypeOf<Responses>().not.toHaveProperty(499)
    expectTypeOf<Responses>().toHaveProperty(503)
  })

  it('lets hc narrow a response body by status through ApplyGlobalResponse', () => {
    const app = new Hono().get('/posts/:id', (c) => c.json({ id: c.req.param('id') }, 200))
    const client = hc<ApplyGlobalResponse<typeof app, Responses>>('http://localhost')
    type Get = (typeof client.posts)[':id']['$get']
    expectTypeOf<InferResponseType<Get, 200>>().toEqualTypeOf<{ id: string }>()
    expectTypeOf<InferResponseType<Get, 404>['code']>().toEqualTypeOf<
      'NOT_FOUND' | 'POST_NOT_FOUND'
    >()
    expectTypeOf<InferResponseType<Get, 429>['code']>().toEqualTypeOf<'TOO_MANY_REQUESTS'>()
    const body = {} as InferResponseType<Get, 404>
    // typed data is there, not optional
    if (body.code === 'POST_NOT_FOUND') expectTypeOf(body.data.postId).toBeString()
  })

  it('narrows the catalog error union on code', () => {
    const error = {} as ApiErrorOf<typeof errors>
    if (error.code === 'POST_NOT_FOUND')
      expectTypeOf(error.data).toEqualTypeOf<{ postId: string }>()
  })
})

describe('handlers', () => {
  type AppEnv = { Bindings: { DB: string }; Variables: { user: string } }

  it('fit onError, notFound and use of an app with its own Env', () => {
    const app = new Hono<AppEnv>()
    app.use(errorBoundary({ catalog: errors }))
    app.onError(errorHandler({ catalog: errors, requestId: true }))
    app.notFound(notFoundHandler({ catalog: errors }))
  })

  it('take the reporting hook with the expected flag', () => {
    errorHandler({
      onError: (thrown, { error, expected, request }) => {
        expectTypeOf(thrown).toBeUnknown()
        expectTypeOf(expected).toBeBoolean()
        expectTypeOf(error.status).toBeNumber()
        expectTypeOf(request).toEqualTypeOf<Request | undefined>()
      },
    })
    // @ts-expect-error not an option
    errorHandler({ expose: true })
  })
})
