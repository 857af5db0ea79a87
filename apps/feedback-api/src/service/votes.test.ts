import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { authenticate } from './auth'
import { createPost } from './posts'
import { addVote, removeVote } from './votes'

const admin = () => authenticate(env.DB, 'Bearer lc_test_admin')
const votesOn = async (postId: string) =>
  env.DB.prepare('SELECT COUNT(*) AS n FROM votes WHERE post_id = ?')
    .bind(postId)
    .first<number>('n')

describe('addVote', () => {
  it('counts a vote once and answers 409 VOTE_EXISTS to the second', async () => {
    const principal = await admin()
    const { post } = await createPost(env.DB, principal, { title: 'Votes' })
    expect(await addVote(env.DB, principal, post.id)).toEqual({ postId: post.id, votes: 1 })
    await expect(addVote(env.DB, principal, post.id)).rejects.toMatchObject({
      code: 'VOTE_EXISTS',
      status: 409,
      message: 'User has already voted on this post',
    })
    expect(await votesOn(post.id)).toBe(1)
  })

  it('answers 404 POST_NOT_FOUND for a missing post and leaves no orphan vote', async () => {
    await expect(addVote(env.DB, await admin(), 'missing')).rejects.toMatchObject({
      code: 'POST_NOT_FOUND',
      status: 404,
    })
    expect(await votesOn('missing')).toBe(0)
  })

  it('lands one of 20 racing votes by the same key', async () => {
    const principal = await admin()
    const { post } = await createPost(env.DB, principal, { title: 'Race' })
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => addVote(env.DB, principal, post.id)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.filter((r) => r.status === 'rejected')
    expect(rejected.map((r) => r.reason.code)).toEqual(Array(19).fill('VOTE_EXISTS'))
    expect(await votesOn(post.id)).toBe(1)
  })
})

describe('removeVote', () => {
  it('removes the vote, then answers 404 VOTE_NOT_FOUND', async () => {
    const principal = await admin()
    const { post } = await createPost(env.DB, principal, { title: 'Unvote' })
    await addVote(env.DB, principal, post.id)
    await removeVote(env.DB, principal, post.id)
    expect(await votesOn(post.id)).toBe(0)
    await expect(removeVote(env.DB, principal, post.id)).rejects.toMatchObject({
      code: 'VOTE_NOT_FOUND',
      status: 404,
      message: 'Vote not found',
    })
  })

  it('answers 404 VOTE_NOT_FOUND for a missing post too', async () => {
    await expect(removeVote(env.DB, await admin(), 'missing')).rejects.toMatchObject({
      code: 'VOTE_NOT_FOUND',
    })
  })
})
