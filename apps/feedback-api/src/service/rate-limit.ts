import { errors } from '../catalog'
import type { Principal } from './auth'

/** Writes a minute when `WRITE_RATE_LIMIT_PER_MINUTE` is unset or not a positive integer. */
export const DEFAULT_WRITE_LIMIT = 30

const WINDOW_SECONDS = 60

/**
 * Reads `WRITE_RATE_LIMIT_PER_MINUTE`: a positive integer, else {@link DEFAULT_WRITE_LIMIT}.
 *
 * @example
 * ```ts
 * parseWriteLimit('100') // 100
 * parseWriteLimit(undefined) // 30
 * ```
 */
export function parseWriteLimit(value: string | undefined): number {
  const limit = Number(value)
  return Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_WRITE_LIMIT
}

/**
 * Counts one write for the key in the current one-minute window, or throws 429
 * `TOO_MANY_REQUESTS` with `Retry-After` set to the seconds left in the window. The counter is
 * one atomic upsert in D1, so concurrent writes (from any isolate) are all counted.
 *
 * @example
 * ```ts
 * await consumeWrite(env.DB, principal, 30)
 * ```
 */
export async function consumeWrite(
  db: D1Database,
  principal: Principal,
  defaultLimit: number,
  now = Date.now(),
): Promise<void> {
  const limit = principal.writeLimit ?? defaultLimit
  const seconds = Math.floor(now / 1000)
  const windowStart = seconds - (seconds % WINDOW_SECONDS)
  const [, counted] = await db.batch<{ count: number }>([
    db
      .prepare('DELETE FROM rate_limits WHERE api_key_id = ? AND window_start < ?')
      .bind(principal.keyId, windowStart),
    db
      .prepare(
        `INSERT INTO rate_limits (api_key_id, window_start, count) VALUES (?, ?, 1)
         ON CONFLICT (api_key_id, window_start) DO UPDATE SET count = count + 1
         RETURNING count`,
      )
      .bind(principal.keyId, windowStart),
  ])
  const count = counted?.results[0]?.count ?? 0
  if (count > limit) {
    throw errors.create('TOO_MANY_REQUESTS', {
      message: `This API key may make ${limit} writes a minute`,
      retryAfter: windowStart + WINDOW_SECONDS - seconds,
    })
  }
}
