import { parseErrorResponse } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { type ApplyGlobalResponse, hc } from 'hono/client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type App, createApp } from '../test/app'
import type { CatalogResponses } from './client'

type AppType = ApplyGlobalResponse<App, CatalogResponses<typeof errors>>

function client() {
  const app = createApp()
  return hc<AppType>('http://localhost', { fetch: app.request })
}

describe('hc client against the app', () => {
  it('reads a success body typed', async () => {
    const res = await client().posts[':id'].$get({ param: { id: '1' } })
    expect(res.status).toBe(200)
    if (res.status !== 200) throw new Error('expected 200')
    const post = await res.json()
    expectTypeOf(post).toEqualTypeOf<{ id: string; title: string }>()
    expect(post).toEqual({ id: '1', title: 'Dark mode' })
  })

  it('narrows a 404 body to the catalog codes of that status', async () => {
    const res = await client().posts[':id'].$get({ param: { id: '7' } })
    expect(res.status).toBe(404)
    if (res.status !== 404) throw new Error('expected 404')
    const body = await res.json()
    expectTypeOf(body.code).toEqualTypeOf<'NOT_FOUND' | 'POST_NOT_FOUND'>()
    expect(body).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '7' },
      requestId: res.headers.get('x-request-id'),
    })
  })

  it('turns a failed hc response into a typed catalog error with parseErrorResponse', async () => {
    const res = await client().posts[':id'].votes.$post({ param: { id: '1' }, json: { up: true } })
    expect(res.ok).toBe(false)
    const error = await parseErrorResponse(res, { catalog: errors })
    expect(error.code).toBe('VOTE_EXISTS')
    expect(error.status).toBe(409)
    expect(error.message).toBe('User has already voted on this post')
    if (error.code === 'POST_NOT_FOUND')
      expectTypeOf(error.data).toEqualTypeOf<{ postId: string }>()
  })

  it("types the validator's 400 without the global responses", async () => {
    const app = createApp()
    const plain = hc<App>('http://localhost', { fetch: app.request })
    const res = await plain.posts.$post({ json: { title: 'no' } })
    expect(res.status).toBe(400)
    if (res.status !== 400) throw new Error('expected 400')
    const body = await res.json()
    expectTypeOf(body.code).toEqualTypeOf<'VALIDATION_ERROR'>()
    expect(body.errors).toEqual([
      {
        code: 'too_small',
        message: 'Too small: expected string to have >=3 characters',
        path: '/title',
      },
    ])
  })

  it('reads Retry-After of a 429 as retryAfter seconds', async () => {
    const res = await client().search.$get({ query: { q: 'burst' } })
    expect(res.status).toBe(429)
    const error = await parseErrorResponse(res, { catalog: errors })
    expect(error.code).toBe('TOO_MANY_REQUESTS')
    expect(error.retryAfter).toBe(30)
  })

  it('gets the catalog 500 for a thrown string through the boundary', async () => {
    // `/throw/string` only throws, so it has no response type for hc: fetch it as users would.
    const res = await createApp().request('/throw/string')
    expect(res.status).toBe(500)
    const error = await parseErrorResponse(res, { catalog: errors })
    expect(error.code).toBe('SERVER_ERROR')
    expect(error.requestId).toBe(res.headers.get('x-request-id'))
  })
})
