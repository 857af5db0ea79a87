import { describe, expect, it } from 'vitest'
import { errorBody, rowCounts } from './expect'
import { send, surfaces } from './surfaces'

const darkMode = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Dark mode',
  description: 'A dark theme for the dashboard and the public board.',
  votes: 0,
  createdAt: '2026-01-05T09:00:00.000Z',
}
// REST answers a new post with 201; tRPC answers every successful call with 200.
const created = { hono: 201, fetch: 201, trpc: 200 } as const

describe.each(surfaces)('posts on %s', (surface) => {
  it('lists the posts', async () => {
    const { status, body } = await send(surface, { op: 'list' }, null)
    expect(status).toBe(200)
    expect(body).toMatchObject({ nextCursor: null })
    expect((body as { posts: unknown[] }).posts).toContainEqual(darkMode)
  })

  it('reads one post', async () => {
    expect(await send(surface, { op: 'get', postId: darkMode.id }, null)).toMatchObject({
      status: 200,
      body: darkMode,
    })
  })

  it('answers 404 POST_NOT_FOUND for an unknown post', async () => {
    const { status, body } = await send(surface, { op: 'get', postId: 'no-such-post' }, null)
    expect(status).toBe(404)
    expect(body).toEqual(errorBody('POST_NOT_FOUND', 'Post not found'))
  })

  it('creates a post that can be read back', async () => {
    const answer = await send(surface, {
      op: 'create',
      body: { title: `  From ${surface}  `, description: 'Trimmed title' },
    })
    expect(answer.status).toBe(created[surface])
    expect(answer.body).toEqual({
      id: expect.any(String),
      title: `From ${surface}`,
      description: 'Trimmed title',
      votes: 0,
      createdAt: expect.any(String),
    })
    const { id } = answer.body as { id: string }
    expect((await send(surface, { op: 'get', postId: id }, null)).body).toEqual(answer.body)
  })

  it.each([
    ['a NUL character', '\u0000'],
    ['a NUL inside', 'Dark\u0000mode'],
    ['a lone high surrogate', 'Dark \ud800'],
    ['a lone low surrogate', '\udc00 mode'],
  ])('answers 400 VALIDATION_ERROR to a title with %s, writing nothing', async (_, title) => {
    const before = await rowCounts()
    const { status, body } = await send(surface, { op: 'create', body: { title } })
    expect(status).toBe(400)
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ path: '/title' }] })
    expect(await rowCounts()).toEqual(before)
  })

  it('stores and reads back well-formed text exactly, astral characters included', async () => {
    const title = 'Dark mode 🌙 ŝ'
    const answer = await send(surface, { op: 'create', body: { title, description: '𝄞\ttab' } })
    const { id } = answer.body as { id: string }
    const read = (await send(surface, { op: 'get', postId: id }, null)).body
    expect(read).toMatchObject({ title, description: '𝄞\ttab' })
  })

  it('answers 400 VALIDATION_ERROR with one entry per problem, never echoing the input', async () => {
    const before = await rowCounts()
    const { status, body, text } = await send(surface, {
      op: 'create',
      body: { title: '', description: 'secret-input '.repeat(500) },
    })
    expect(status).toBe(400)
    expect(body).toEqual(
      errorBody('VALIDATION_ERROR', 'Validation failed', {
        errors: [
          {
            code: 'too_small',
            message: 'Too small: expected string to have >=1 characters',
            path: '/title',
          },
          {
            code: 'too_big',
            message: 'Too big: expected string to have <=5000 characters',
            path: '/description',
          },
        ],
      }),
    )
    expect(text).not.toContain('secret-input')
    expect(await rowCounts()).toEqual(before)
  })

  it('answers 400 VALIDATION_ERROR at the root for a body that is not an object', async () => {
    const { status, body } = await send(surface, { op: 'create', body: ['a title'] })
    expect(status).toBe(400)
    expect(body).toMatchObject({
      code: 'VALIDATION_ERROR',
      errors: [{ code: 'invalid_type', path: '' }],
    })
  })

  it('answers 400 BAD_REQUEST to malformed JSON', async () => {
    const { status, body } = await send(surface, { op: 'create', body: null, raw: '{"title":' })
    expect(status).toBe(400)
    expect(body).toEqual(errorBody('BAD_REQUEST', 'The request body is not valid JSON'))
  })

  it('answers 401 UNAUTHORIZED without a key, with WWW-Authenticate', async () => {
    const { status, headers, body } = await send(
      surface,
      { op: 'create', body: { title: 'x' } },
      null,
    )
    expect(status).toBe(401)
    expect(headers.get('www-authenticate')).toBe('Bearer realm="feedback-api"')
    expect(body).toEqual(errorBody('UNAUTHORIZED', 'Missing API key'))
  })

  it('answers 401 UNAUTHORIZED to an unknown key', async () => {
    const { status, body } = await send(
      surface,
      { op: 'create', body: { title: 'x' } },
      'lc_test_nope',
    )
    expect(status).toBe(401)
    expect(body).toEqual(errorBody('UNAUTHORIZED', 'Invalid API key'))
  })

  it('answers 403 FORBIDDEN to a read-only key', async () => {
    const before = await rowCounts()
    const { status, body } = await send(
      surface,
      { op: 'create', body: { title: 'x' } },
      'lc_test_readonly',
    )
    expect(status).toBe(403)
    expect(body).toEqual(errorBody('FORBIDDEN', 'This API key is read-only'))
    expect(await rowCounts()).toEqual(before)
  })
})

describe.each(surfaces)('idempotency keys on %s', (surface) => {
  it('replays the first 201 for the same key and body, and creates nothing', async () => {
    const call = {
      op: 'create',
      body: { title: 'Idempotent' },
      idempotencyKey: `same-${surface}`,
    } as const
    const first = await send(surface, call)
    const before = await rowCounts()
    const again = await send(surface, call)
    expect(again.status).toBe(created[surface])
    expect(again.body).toEqual(first.body)
    if (surface !== 'trpc') expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await rowCounts()).toEqual(before)
  })

  it('answers 409 IDEMPOTENCY_KEY_REUSED to the same key with another body, writing nothing', async () => {
    const idempotencyKey = `reused-${surface}`
    await send(surface, { op: 'create', body: { title: 'First' }, idempotencyKey })
    const before = await rowCounts()
    const { status, body } = await send(surface, {
      op: 'create',
      body: { title: 'Second' },
      idempotencyKey,
    })
    expect(status).toBe(409)
    expect(body).toEqual(
      errorBody(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used with a different request',
      ),
    )
    expect(await rowCounts()).toEqual(before)
  })

  it('creates one post for 20 racing requests with the same key and body', async () => {
    const before = await rowCounts()
    const call = {
      op: 'create',
      body: { title: 'Race' },
      idempotencyKey: `race-${surface}`,
    } as const
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(surface, call)))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(created[surface]))
    expect(new Set(answers.map((a) => (a.body as { id: string }).id)).size).toBe(1)
    expect(await rowCounts()).toEqual({
      ...before,
      posts: (before.posts ?? 0) + 1,
      idempotencyKeys: (before.idempotencyKeys ?? 0) + 1,
    })
  })

  it('lets one of 20 racing requests with the same key and different bodies win; the rest get 409', async () => {
    const idempotencyKey = `race-bodies-${surface}`
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(surface, { op: 'create', body: { title: `Race ${i}` }, idempotencyKey }),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([created[surface], ...Array(19).fill(409)].sort())
  })

  it('answers 400 BAD_REQUEST to an Idempotency-Key over 255 characters', async () => {
    const { status, body } = await send(surface, {
      op: 'create',
      body: { title: 'x' },
      idempotencyKey: 'k'.repeat(256),
    })
    expect(status).toBe(400)
    expect(body).toEqual(
      errorBody('BAD_REQUEST', 'The Idempotency-Key header must be 1 to 255 characters'),
    )
  })
})

describe('idempotency keys in the tRPC input', () => {
  it('replays the first post for a key given as the idempotencyKey input', async () => {
    const call = { op: 'create', body: { title: 'By input' }, idempotencyKey: 'input-key' } as const
    const first = await send('trpc', { ...call, keyInInput: true })
    const before = await rowCounts()
    const again = await send('trpc', { ...call, keyInInput: true })
    expect([again.status, again.body]).toEqual([200, first.body])
    expect(await rowCounts()).toEqual(before)
  })

  it('treats the header and the input as one key, and refuses two different ones', async () => {
    const body = { title: 'Both ways' }
    const byHeader = await send('trpc', { op: 'create', body, idempotencyKey: 'one-key' })
    const byInput = await send('trpc', {
      op: 'create',
      body,
      idempotencyKey: 'one-key',
      keyInInput: true,
    })
    expect(byInput.body).toEqual(byHeader.body)
    const { status, body: refused } = await send('trpc', {
      op: 'create',
      body: { ...body, idempotencyKey: 'other-key' },
      idempotencyKey: 'one-key',
    })
    expect(status).toBe(400)
    expect(refused).toEqual(
      errorBody('BAD_REQUEST', 'The Idempotency-Key header and the idempotencyKey input differ'),
    )
  })
})
