import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../src/service/schemas'
import { MAX_BATCH_SIZE } from '../src/surfaces/trpc'
import { errorBody } from './expect'
import { send, surfaces } from './surfaces'

interface Page {
  posts: Array<{ id: string; createdAt: string }>
  nextCursor: string | null
}

// 2 seeded posts and 30 more, two of them sharing a creation time (the id breaks the tie)
const TOTAL = 32
beforeAll(async () => {
  const rows = Array.from({ length: TOTAL - 2 }, (_, i) =>
    env.DB.prepare(
      "INSERT INTO posts (id, title, author_key_id, created_at) VALUES (?, ?, 'key_admin', ?)",
    ).bind(
      `page-${String(i).padStart(2, '0')}`,
      `Paged ${i}`,
      new Date(Date.UTC(2026, 5, 1, 0, Math.min(i, 28))).toISOString(),
    ),
  )
  await env.DB.batch(rows)
})

const invalid = (path: string, code: string, message: string) =>
  errorBody('VALIDATION_ERROR', 'Validation failed', { errors: [{ code, message, path }] })

describe.each(surfaces)('listing posts on %s', (surface) => {
  const list = async (page?: Record<string, unknown>) => {
    const answer = await send(surface, { op: 'list', page }, null)
    expect(answer.status).toBe(200)
    return answer.body as Page
  }

  it(`answers ${DEFAULT_PAGE_SIZE} posts, newest first, and a cursor to the next page`, async () => {
    const { posts, nextCursor } = await list()
    expect(posts).toHaveLength(DEFAULT_PAGE_SIZE)
    expect(posts.slice(0, 2).map((p) => p.id)).toEqual(['page-28', 'page-29'])
    const times = posts.map((p) => p.createdAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(nextCursor).toEqual(expect.any(String))
  })

  it('walks every post once, page by page, to a last page with no cursor', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Page = await list({ limit: 7, ...(cursor ? { cursor } : {}) })
      expect(page.posts.length).toBeLessThanOrEqual(7)
      seen.push(...page.posts.map((p) => p.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(Math.ceil(TOTAL / 7))
    expect(new Set(seen).size).toBe(TOTAL)
    expect(seen).toEqual((await list({ limit: MAX_PAGE_SIZE })).posts.map((p) => p.id))
  })

  it(`answers up to ${MAX_PAGE_SIZE} posts, and no cursor after the last`, async () => {
    const { posts, nextCursor } = await list({ limit: MAX_PAGE_SIZE })
    expect(posts).toHaveLength(TOTAL)
    expect(nextCursor).toBeNull()
  })

  it.each([
    [
      { limit: MAX_PAGE_SIZE + 1 },
      invalid('/limit', 'too_big', 'Too big: expected number to be <=100'),
    ],
    [{ limit: 0 }, invalid('/limit', 'too_small', 'Too small: expected number to be >=1')],
    [{ limit: -5 }, invalid('/limit', 'too_small', 'Too small: expected number to be >=1')],
    [{ limit: 2.5 }, invalid('/limit', 'invalid_type', 'Invalid input: expected int')],
    [{ limit: 'ten' }, invalid('/limit', 'invalid_type', 'Invalid input: expected number')],
    [{ limit: [1, 2] }, invalid('/limit', 'invalid_type', 'Invalid input: expected number')],
    [{ cursor: 'not a cursor' }, invalid('/cursor', 'custom', 'Must be the nextCursor of a page')],
    [{ cursor: 'bm9wZQ' }, invalid('/cursor', 'custom', 'Must be the nextCursor of a page')],
  ])('answers 400 VALIDATION_ERROR to %j', async (page, expected) => {
    const { status, body } = await send(surface, { op: 'list', page }, null)
    expect(status).toBe(400)
    expect(body).toEqual(expected)
  })
})

describe('a tRPC batch of lists', () => {
  const batch = (input: unknown) =>
    exports.default.fetch(
      new Request(
        `http://localhost/trpc/${Array(MAX_BATCH_SIZE).fill('post.list').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      ),
    )

  it(`costs each call at most one page of ${MAX_PAGE_SIZE} posts`, async () => {
    const each = { limit: MAX_PAGE_SIZE }
    const input = Object.fromEntries(Array.from({ length: MAX_BATCH_SIZE }, (_, i) => [i, each]))
    const answers = (await (await batch(input)).json()) as Array<{ result: { data: Page } }>
    expect(answers).toHaveLength(MAX_BATCH_SIZE)
    for (const answer of answers) {
      expect(answer.result.data.posts.length).toBeLessThanOrEqual(MAX_PAGE_SIZE)
    }
  })

  it('answers every call over the page size with its 400, running none of them', async () => {
    const each = { limit: MAX_PAGE_SIZE + 1 }
    const input = Object.fromEntries(Array.from({ length: MAX_BATCH_SIZE }, (_, i) => [i, each]))
    const response = await batch(input)
    expect(response.status).toBe(400)
    const answers = (await response.json()) as Array<{ error: { data: { error: unknown } } }>
    expect(answers.map((a) => a.error.data.error)).toEqual(
      Array(MAX_BATCH_SIZE).fill(
        expect.objectContaining({
          code: 'VALIDATION_ERROR',
          errors: [expect.objectContaining({ path: '/limit' })],
        }),
      ),
    )
  })
})
