import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from './auth'
import { createPost, deleteExpiredIdempotencyKeys, getPost, listPosts } from './posts'

const admin = () => authenticate(env.DB, 'Bearer lc_test_admin')
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<number>('n')) ?? 0

describe('posts', () => {
  it('lists the seeded posts, newest first, with their vote counts', async () => {
    expect((await listPosts(env.DB)).posts).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000002',
        title: 'Export posts as CSV',
        description: null,
        votes: 0,
        createdAt: '2026-01-06T09:00:00.000Z',
      },
      {
        id: '00000000-0000-4000-8000-000000000001',
        title: 'Dark mode',
        description: 'A dark theme for the dashboard and the public board.',
        votes: 0,
        createdAt: '2026-01-05T09:00:00.000Z',
      },
    ])
  })

  it('answers 404 POST_NOT_FOUND for an unknown id', async () => {
    await expect(getPost(env.DB, 'nope')).rejects.toMatchObject({
      code: 'POST_NOT_FOUND',
      status: 404,
      message: 'Post not found',
    })
  })

  it('creates a post that can be read back', async () => {
    const { post, replayed } = await createPost(env.DB, await admin(), { title: 'Tags' })
    expect(replayed).toBe(false)
    expect(post).toMatchObject({ title: 'Tags', description: null, votes: 0 })
    expect(await getPost(env.DB, post.id)).toEqual(post)
  })
})

describe('idempotency keys', () => {
  it('replays the first post for the same key and body, and creates nothing more', async () => {
    const principal = await admin()
    const before = await count('posts')
    const first = await createPost(env.DB, principal, { title: 'Once' }, 'replay-1')
    const again = await createPost(env.DB, principal, { title: 'Once' }, 'replay-1')
    expect(again).toEqual({ post: first.post, replayed: true })
    expect(await count('posts')).toBe(before + 1)
  })

  it('answers 409 IDEMPOTENCY_KEY_REUSED to the same key with another body, writing nothing', async () => {
    const principal = await admin()
    await createPost(env.DB, principal, { title: 'First' }, 'reused-1')
    const before = await count('posts')
    await expect(
      createPost(env.DB, principal, { title: 'First', description: 'changed' }, 'reused-1'),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 409 })
    expect(await count('posts')).toBe(before)
  })

  it('keeps keys apart per API key', async () => {
    const limited = await authenticate(env.DB, 'Bearer lc_test_limited')
    const a = await createPost(env.DB, await admin(), { title: 'Mine' }, 'shared-1')
    const b = await createPost(env.DB, limited, { title: 'Yours' }, 'shared-1')
    expect(b.post.id).not.toBe(a.post.id)
  })

  it('creates one post for 20 racing requests with the same key and body', async () => {
    const principal = await admin()
    const before = await count('posts')
    const results = await Promise.all(
      Array.from({ length: 20 }, () => createPost(env.DB, principal, { title: 'Race' }, 'race-1')),
    )
    expect(new Set(results.map((r) => r.post.id)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await count('posts')).toBe(before + 1)
  })

  it('lets one of 20 racing requests with the same key and different bodies win', async () => {
    const principal = await admin()
    const before = await count('posts')
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createPost(env.DB, principal, { title: `Race ${i}` }, 'race-2'),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.filter((r) => r.status === 'rejected')
    expect(rejected.map((r) => r.reason.code)).toEqual(Array(19).fill('IDEMPOTENCY_KEY_REUSED'))
    expect(await count('posts')).toBe(before + 1)
  })
})

describe('idempotency keys expire after 24 hours', () => {
  const t0 = Date.UTC(2026, 3, 1, 12, 0, 0)
  const hours = (n: number) => n * 60 * 60 * 1000
  const keysOf = async (apiKeyId: string) =>
    (
      await env.DB.prepare(
        'SELECT idempotency_key FROM idempotency_keys WHERE api_key_id = ? ORDER BY 1',
      )
        .bind(apiKeyId)
        .all<{ idempotency_key: string }>()
    ).results.map((row) => row.idempotency_key)

  afterEach(() => {
    vi.useRealTimers()
  })

  it('replays a key used less than 24 hours ago', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(t0)
    const principal = await admin()
    const first = await createPost(env.DB, principal, { title: 'Day' }, 'ttl-1')
    vi.setSystemTime(t0 + hours(24) - 1)
    expect(await createPost(env.DB, principal, { title: 'Day' }, 'ttl-1')).toEqual({
      post: first.post,
      replayed: true,
    })
  })

  it('does not replay an expired key: the same key creates a new post, any body', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(t0)
    const principal = await admin()
    const first = await createPost(env.DB, principal, { title: 'Old' }, 'ttl-2')
    vi.setSystemTime(t0 + hours(24))
    const again = await createPost(env.DB, principal, { title: 'New' }, 'ttl-2')
    expect(again.replayed).toBe(false)
    expect(again.post.id).not.toBe(first.post.id)
    expect(again.post.title).toBe('New')
  })

  it("removes the key's expired records when it writes with a key, and no one else's", async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(t0)
    const principal = await admin()
    const limited = await authenticate(env.DB, 'Bearer lc_test_limited')
    await createPost(env.DB, principal, { title: 'a' }, 'ttl-3a')
    await createPost(env.DB, principal, { title: 'b' }, 'ttl-3b')
    await createPost(env.DB, limited, { title: 'c' }, 'ttl-3c')
    vi.setSystemTime(t0 + hours(25))
    await createPost(env.DB, principal, { title: 'd' }, 'ttl-3d')
    expect((await keysOf('key_admin')).filter((k) => k.startsWith('ttl-3'))).toEqual(['ttl-3d'])
    expect(await keysOf('key_limited')).toContain('ttl-3c')
  })

  it('deletes every expired record in the cron cleanup', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(t0 + hours(100))
    const limited = await authenticate(env.DB, 'Bearer lc_test_limited')
    await createPost(env.DB, limited, { title: 'e' }, 'ttl-4a')
    vi.setSystemTime(t0 + hours(120))
    await createPost(env.DB, limited, { title: 'f' }, 'ttl-4b')
    expect(await deleteExpiredIdempotencyKeys(env.DB, t0 + hours(130))).toBeGreaterThan(0)
    expect((await keysOf('key_limited')).filter((k) => k.startsWith('ttl-'))).toEqual(['ttl-4b'])
  })
})
