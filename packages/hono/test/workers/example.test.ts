import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import app from '../example'

// The README's Worker, driven the way workerd calls it: app.fetch(request, env, ctx).
async function call(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(`https://feedback.example${path}`, init), env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

const auth = { authorization: `Bearer ${env.API_TOKEN}` }

describe('the README example in workerd', () => {
  it('answers a missing key with UNAUTHORIZED and WWW-Authenticate', async () => {
    const res = await call('/posts/1', { headers: { 'x-request-id': 'req_1' } })
    expect(res.status).toBe(401)
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
      'www-authenticate': 'Bearer',
      'x-request-id': 'req_1',
    })
    expect(await res.json()).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Unauthorized',
      requestId: 'req_1',
    })
  })

  it('answers a known post, and POST_NOT_FOUND with data for another', async () => {
    expect(await (await call('/posts/1', { headers: auth })).json()).toEqual({
      id: '1',
      title: 'Dark mode',
    })
    const res = await call('/posts/7', { headers: { ...auth, 'x-request-id': 'req_7' } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '7' },
      requestId: 'req_7',
    })
  })

  it('answers invalid input with VALIDATION_ERROR', async () => {
    const res = await call('/posts', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-request-id': 'req_v' },
      body: JSON.stringify({ title: 'no' }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        {
          code: 'too_small',
          message: 'Too small: expected string to have >=3 characters',
          path: '/title',
        },
      ],
      requestId: 'req_v',
    })
  })

  it('creates a post from valid input', async () => {
    const res = await call('/posts', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Dark mode' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ id: '2', title: 'Dark mode' })
  })

  it('answers an unknown route with NOT_FOUND, in JSON even to a client asking Problem Details', async () => {
    const res = await call('/nope', { headers: { accept: 'application/problem+json' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Not found' })
  })
})
