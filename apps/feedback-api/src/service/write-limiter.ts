import { DurableObject } from 'cloudflare:workers'

/** How long one rate-limit window lasts. */
export const WINDOW_SECONDS = 60

/** What {@link WriteLimiter.reserve} answers. */
export type Reservation =
  | {
      readonly granted: true /** The window the unit was taken from, for a release. */
      readonly window: number
    }
  | { readonly granted: false /** Seconds until the window ends. */; readonly retryAfter: number }

/**
 * The write counter of one API key (one object per key, named by its id), in fixed one-minute
 * windows. A Durable Object runs its calls one at a time and each call here reads and writes
 * its storage without awaiting, so racing writes from every isolate and every region are
 * counted exactly: at most `limit` units are granted in a window.
 *
 * A write first reserves a unit; if the write is refused or fails, the unit is released, so
 * only writes that happened (or are still in flight) count. A unit that is never released (a
 * Worker killed mid-write) is gone only until the window ends.
 */
export class WriteLimiter extends DurableObject<Env> {
  private readonly sql: SqlStorage

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS windows (start INTEGER PRIMARY KEY, used INTEGER NOT NULL)',
    )
  }

  /**
   * Takes one unit of the window `now` falls in, if fewer than `limit` are taken. `now` is the
   * request's clock (ms), so one key's windows are the same whichever Worker asks.
   */
  reserve(limit: number, now: number): Reservation {
    const seconds = Math.floor(now / 1000)
    const window = seconds - (seconds % WINDOW_SECONDS)
    this.sql.exec('DELETE FROM windows WHERE start < ?', window)
    const used =
      this.sql
        .exec<{ used: number }>('SELECT used FROM windows WHERE start = ?', window)
        .toArray()[0]?.used ?? 0
    if (used >= limit) return { granted: false, retryAfter: window + WINDOW_SECONDS - seconds }
    this.sql.exec(
      'INSERT INTO windows (start, used) VALUES (?, 1) ON CONFLICT (start) DO UPDATE SET used = used + 1',
      window,
    )
    return { granted: true, window }
  }

  /** Gives back a unit of `window` (a no-op once that window has ended). */
  release(window: number): void {
    this.sql.exec('UPDATE windows SET used = used - 1 WHERE start = ? AND used > 0', window)
  }

  /** The units taken in the window `now` falls in (for tests and the README's curious). */
  used(now: number): number {
    const seconds = Math.floor(now / 1000)
    const window = seconds - (seconds % WINDOW_SECONDS)
    return (
      this.sql
        .exec<{ used: number }>('SELECT used FROM windows WHERE start = ?', window)
        .toArray()[0]?.used ?? 0
    )
  }
}
