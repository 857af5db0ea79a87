import { errors } from '../catalog'
import type { Principal } from './auth'

/** The answer to a new vote: the post and its vote count, this vote included. */
export interface Vote {
  readonly postId: string
  readonly votes: number
}

/**
 * Adds the key's vote to a post. One statement inserts the vote only if the post exists and
 * the key has not voted (the primary key), so racing double votes land once: 404
 * `POST_NOT_FOUND` for a missing post, 409 `VOTE_EXISTS` for the others.
 *
 * @example
 * ```ts
 * const { votes } = await addVote(env.DB, principal, postId)
 * ```
 */
export async function addVote(db: D1Database, principal: Principal, postId: string): Promise<Vote> {
  const [inserted, state] = await db.batch<{ votes: number; found: number }>([
    db
      .prepare(
        `INSERT INTO votes (post_id, api_key_id, created_at)
         SELECT id, ?, ? FROM posts WHERE id = ? ON CONFLICT DO NOTHING`,
      )
      .bind(principal.keyId, new Date().toISOString(), postId),
    db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM votes WHERE post_id = ?1) AS votes,
           EXISTS (SELECT 1 FROM posts WHERE id = ?1) AS found`,
      )
      .bind(postId),
  ])
  const { votes = 0, found = 0 } = state?.results[0] ?? {}
  if (inserted?.meta.changes === 1) return { postId, votes }
  throw errors.create(found ? 'VOTE_EXISTS' : 'POST_NOT_FOUND')
}

/**
 * Removes the key's vote from a post, or 404 `VOTE_NOT_FOUND` when it has none there (whether
 * or not the post exists).
 *
 * @example
 * ```ts
 * await removeVote(env.DB, principal, postId)
 * ```
 */
export async function removeVote(
  db: D1Database,
  principal: Principal,
  postId: string,
): Promise<void> {
  const { meta } = await db
    .prepare('DELETE FROM votes WHERE post_id = ? AND api_key_id = ?')
    .bind(postId, principal.keyId)
    .run()
  if (meta.changes !== 1) throw errors.create('VOTE_NOT_FOUND')
}
