import { errors } from '../catalog'
import { type Principal, sha256 } from './auth'
import { decodeCursor, encodeCursor } from './cursor'
import { type CreatePostInput, DEFAULT_PAGE_SIZE, type ListPostsInput } from './schemas'

/** A post as every surface returns it. */
export interface Post {
  readonly id: string
  readonly title: string
  readonly description: string | null
  readonly votes: number
  readonly createdAt: string
}

/** The result of {@link createPost}: the post, and whether it is a replay of an earlier 201. */
export interface Created {
  readonly post: Post
  readonly replayed: boolean
}

/** How long an idempotency key is remembered: after that, the same key creates a new post. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

const SELECT_POST = `SELECT p.id, p.title, p.description, p.created_at AS createdAt,
  (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes FROM posts p`

/** One page of posts, and the cursor of the next page (`null` on the last). */
export interface Page {
  readonly posts: Post[]
  readonly nextCursor: string | null
}

/**
 * A page of posts, newest first, after the cursor: one indexed range read of at most
 * `limit + 1` rows, however deep the page (no OFFSET).
 *
 * @example
 * ```ts
 * const { posts, nextCursor } = await listPosts(env.DB, { limit: 20 })
 * ```
 */
export async function listPosts(db: D1Database, page: ListPostsInput = {}): Promise<Page> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor)
  const statement = after
    ? db
        .prepare(
          `${SELECT_POST} WHERE p.created_at < ?1 OR (p.created_at = ?1 AND p.id > ?2)
           ORDER BY p.created_at DESC, p.id LIMIT ?3`,
        )
        .bind(after.createdAt, after.id, limit + 1)
    : db.prepare(`${SELECT_POST} ORDER BY p.created_at DESC, p.id LIMIT ?1`).bind(limit + 1)
  const { results } = await statement.all<Post>()
  const posts = results.slice(0, limit)
  const last = posts.at(-1)
  return {
    posts,
    nextCursor: results.length > limit && last ? encodeCursor(last) : null,
  }
}

/** One post, or 404 `POST_NOT_FOUND`. */
export async function getPost(db: D1Database, postId: string): Promise<Post> {
  const post = await db.prepare(`${SELECT_POST} WHERE p.id = ?`).bind(postId).first<Post>()
  if (!post) throw errors.create('POST_NOT_FOUND')
  return post
}

/**
 * Creates a post. With an idempotency key, the key is claimed and the post inserted in one D1
 * batch (a transaction): racing requests with the same key create one post; the others replay
 * its 201 when their body is the same, or get 409 `IDEMPOTENCY_KEY_REUSED` when it is not.
 * Keys expire after {@link IDEMPOTENCY_TTL_MS}: the same batch first deletes the API key's
 * expired records, so an expired key is never replayed and claims anew.
 *
 * @example
 * ```ts
 * const { post, replayed } = await createPost(env.DB, principal, input, 'order-42')
 * ```
 */
export async function createPost(
  db: D1Database,
  principal: Principal,
  input: CreatePostInput,
  idempotencyKey?: string,
): Promise<Created> {
  const post: Post = {
    id: crypto.randomUUID(),
    title: input.title,
    description: input.description ?? null,
    votes: 0,
    createdAt: new Date().toISOString(),
  }
  if (idempotencyKey === undefined) {
    await db
      .prepare(
        'INSERT INTO posts (id, title, description, author_key_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .bind(post.id, post.title, post.description, principal.keyId, post.createdAt)
      .run()
    return { post, replayed: false }
  }

  const requestHash = await sha256(JSON.stringify([post.title, post.description]))
  const claimed = `EXISTS (SELECT 1 FROM idempotency_keys
    WHERE api_key_id = ? AND idempotency_key = ? AND post_id = ?)`
  const expired = new Date(Date.parse(post.createdAt) - IDEMPOTENCY_TTL_MS).toISOString()
  const [, , , winner] = await db.batch<{ request_hash: string; response: string }>([
    db
      .prepare('DELETE FROM idempotency_keys WHERE api_key_id = ? AND created_at <= ?')
      .bind(principal.keyId, expired),
    // The claim: only the first request with this key inserts a row.
    db
      .prepare(
        `INSERT INTO idempotency_keys
           (api_key_id, idempotency_key, post_id, request_hash, response, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .bind(
        principal.keyId,
        idempotencyKey,
        post.id,
        requestHash,
        JSON.stringify(post),
        post.createdAt,
      ),
    // The post exists only if this request won the claim.
    db
      .prepare(
        `INSERT INTO posts (id, title, description, author_key_id, created_at)
         SELECT ?, ?, ?, ?, ? WHERE ${claimed}`,
      )
      .bind(
        post.id,
        post.title,
        post.description,
        principal.keyId,
        post.createdAt,
        principal.keyId,
        idempotencyKey,
        post.id,
      ),
    db
      .prepare(
        `SELECT request_hash, response FROM idempotency_keys
         WHERE api_key_id = ? AND idempotency_key = ?`,
      )
      .bind(principal.keyId, idempotencyKey),
  ])
  const first = winner?.results[0]
  if (!first) throw new Error('The idempotency key row vanished inside its own transaction')
  if (first.request_hash !== requestHash) throw errors.create('IDEMPOTENCY_KEY_REUSED')
  const stored = JSON.parse(first.response) as Post
  return { post: stored, replayed: stored.id !== post.id }
}

/**
 * Deletes every expired idempotency record (of keys that have not written since), for the
 * Worker's hourly cron; returns how many it deleted.
 *
 * @example
 * ```ts
 * await deleteExpiredIdempotencyKeys(env.DB)
 * ```
 */
export async function deleteExpiredIdempotencyKeys(
  db: D1Database,
  now = Date.now(),
): Promise<number> {
  const expired = new Date(now - IDEMPOTENCY_TTL_MS).toISOString()
  const { meta } = await db
    .prepare('DELETE FROM idempotency_keys WHERE created_at <= ?')
    .bind(expired)
    .run()
  return meta.changes
}
