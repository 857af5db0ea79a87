import { describe, expect, it } from 'vitest'
import { errorBody, rowCounts, seedPost } from './expect'
import { send, surfaces } from './surfaces'

const created = { hono: 201, fetch: 201, trpc: 200 } as const
const removed = { hono: 204, fetch: 204, trpc: 200 } as const

describe.each(surfaces)('votes on %s', (surface) => {
  it('adds a vote, then answers 409 VOTE_EXISTS to the second', async () => {
    const postId = await seedPost()
    expect(await send(surface, { op: 'vote', postId })).toMatchObject({
      status: created[surface],
      body: { postId, votes: 1 },
    })
    const before = await rowCounts()
    const { status, body } = await send(surface, { op: 'vote', postId })
    expect(status).toBe(409)
    expect(body).toEqual(errorBody('VOTE_EXISTS', 'User has already voted on this post'))
    expect(await rowCounts()).toEqual(before)
  })

  it('answers 404 POST_NOT_FOUND to a vote on a missing post, leaving no orphan vote', async () => {
    const before = await rowCounts()
    const { status, body } = await send(surface, { op: 'vote', postId: 'no-such-post' })
    expect(status).toBe(404)
    expect(body).toEqual(errorBody('POST_NOT_FOUND', 'Post not found'))
    expect(await rowCounts()).toEqual(before)
  })

  it('answers 401 UNAUTHORIZED to a vote without a key', async () => {
    const postId = await seedPost()
    const { status, body } = await send(surface, { op: 'vote', postId }, null)
    expect(status).toBe(401)
    expect(body).toEqual(errorBody('UNAUTHORIZED', 'Missing API key'))
  })

  it('answers 403 FORBIDDEN to a vote with a read-only key', async () => {
    const postId = await seedPost()
    const { status, body } = await send(surface, { op: 'vote', postId }, 'lc_test_readonly')
    expect(status).toBe(403)
    expect(body).toEqual(errorBody('FORBIDDEN', 'This API key is read-only'))
  })

  it('removes a vote, then answers 404 VOTE_NOT_FOUND', async () => {
    const postId = await seedPost()
    await send(surface, { op: 'vote', postId })
    const answer = await send(surface, { op: 'unvote', postId })
    expect(answer.status).toBe(removed[surface])
    expect(answer.body).toBe(surface === 'trpc' ? null : undefined)
    const { status, body } = await send(surface, { op: 'unvote', postId })
    expect(status).toBe(404)
    expect(body).toEqual(errorBody('VOTE_NOT_FOUND', 'Vote not found'))
  })

  it('answers 401 UNAUTHORIZED to a vote removal without a key', async () => {
    const { status, body } = await send(surface, { op: 'unvote', postId: 'any' }, 'lc_test_nope')
    expect(status).toBe(401)
    expect(body).toEqual(errorBody('UNAUTHORIZED', 'Invalid API key'))
  })

  it('lands one of 20 racing votes by the same key; the rest get 409 VOTE_EXISTS', async () => {
    const postId = await seedPost()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send(surface, { op: 'vote', postId })),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([created[surface], ...Array(19).fill(409)].sort())
    expect((await send(surface, { op: 'get', postId })).body).toMatchObject({ votes: 1 })
  })
})
