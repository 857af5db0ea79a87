import { errors } from '../catalog'
import type { Principal } from './auth'

/** Writes a minute when `WRITE_RATE_LIMIT_PER_MINUTE` is unset or not a positive integer. */
export const DEFAULT_WRITE_LIMIT = 30

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
 * Runs one write of the key within its write limit: reserves a unit in the key's
 * {@link WriteLimiter} (or throws 429 `TOO_MANY_REQUESTS` with `Retry-After` set to the seconds
 * left in the window), runs `write`, and gives the unit back when `write` throws: a refused or
 * failed write costs nothing.
 *
 * @example
 * ```ts
 * const post = await limitWrite(env.WRITE_LIMITER, principal, 30, () => createPost(…))
 * ```
 */
export async function limitWrite<T>(
  limiters: Env['WRITE_LIMITER'],
  principal: Principal,
  defaultLimit: number,
  write: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const limit = principal.writeLimit ?? defaultLimit
  const limiter = limiters.get(limiters.idFromName(principal.keyId))
  const reservation = await limiter.reserve(limit, now)
  if (!reservation.granted) {
    throw errors.create('TOO_MANY_REQUESTS', {
      message: `This API key may make ${limit} writes a minute`,
      retryAfter: reservation.retryAfter,
    })
  }
  try {
    return await write()
  } catch (error) {
    // If the release itself fails, the unit stays taken until the window ends: the write's
    // own error is the one to answer.
    await limiter.release(reservation.window).catch(() => {})
    throw error
  }
}
