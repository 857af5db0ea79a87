import { isApiError } from './brand'

/**
 * How a client retries: attempts in all and the bounds of the backoff.
 *
 * @example
 * ```ts
 * const policy: RetryOptions = { maxAttempts: 5, baseMs: 200, capMs: 5_000 }
 * ```
 */
export interface RetryOptions {
  /** Attempts in all, the first one included: 3 by default. */
  readonly maxAttempts?: number
  /** The ceiling of the first backoff, doubled at each attempt: 300 ms by default. */
  readonly baseMs?: number
  /**
   * The longest wait, 10 s by default: a `Retry-After` longer than this is not waited out, the
   * error is given up on instead.
   */
  readonly capMs?: number
  /** A number in [0, 1), `Math.random` by default: the jitter, for tests. */
  readonly random?: () => number
  /** Now, in ms since the epoch, `Date.now` by default: to read a `Retry-After` date. */
  readonly now?: () => number
}

const DEFAULTS = { maxAttempts: 3, baseMs: 300, capMs: 10_000 }

/**
 * Whether to send a request again after its `attempt`-th try (counted from 1) failed with
 * `error`. Retried: what the catalog marks `retryable` (429, 502, 503 and 504 by default; never
 * another 4xx or a 500 unless its entry says so), and network failures (the `TypeError` that
 * `fetch` throws). Never: an abort or timeout, any other throw, the last attempt, or a
 * `Retry-After` longer than `capMs`.
 *
 * @example
 * ```ts
 * for (let attempt = 1; ; attempt++) {
 *   const result = await readResult(await fetch(url), { catalog: errors })
 *   if (result.ok) return result.response
 *   if (!shouldRetry(result.error, attempt)) throw result.error
 *   await new Promise((resolve) => setTimeout(resolve, retryDelay(result.error, attempt)))
 * }
 * ```
 */
export function shouldRetry(error: unknown, attempt: number, options: RetryOptions = {}): boolean {
  const { maxAttempts, capMs } = settings(attempt, options)
  if (attempt >= maxAttempts) return false
  if (isApiError(error)) {
    return error.retryable && (advisedMs(error, options) ?? 0) <= capMs
  }
  return isNetworkFailure(error)
}

/**
 * How long to wait, in milliseconds, before the attempt after `attempt` (counted from 1):
 * exponential backoff with full jitter, a random wait up to `baseMs · 2^(attempt − 1)`, never
 * sooner than the error's `Retry-After`, and never longer than `capMs`.
 *
 * @example
 * ```ts
 * retryDelay(errors.create('TOO_MANY_REQUESTS', { retryAfter: 2 }), 1) // 2000
 * ```
 */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions = {}): number {
  const { baseMs, capMs } = settings(attempt, options)
  const random = options.random ?? Math.random
  const backoff = Math.min(capMs, baseMs * 2 ** (attempt - 1))
  const jittered = Math.floor(backoff * Math.min(Math.max(random(), 0), 1))
  const advised = isApiError(error) ? (advisedMs(error, options) ?? 0) : 0
  return Math.min(capMs, Math.max(jittered, advised))
}

function settings(attempt: number, options: RetryOptions) {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt counts from 1; got ${String(attempt)}`)
  }
  const merged = { ...DEFAULTS }
  for (const key of ['maxAttempts', 'baseMs', 'capMs'] as const) {
    const value = options[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${key} must be a finite number of at least 0; got ${String(value)}`)
    }
    merged[key] = value
  }
  return merged
}

// The server's advice in ms: Retry-After as seconds (what parseError gives) or as a moment.
function advisedMs(
  error: { readonly retryAfter?: number | Date | undefined },
  options: RetryOptions,
): number | undefined {
  const { retryAfter } = error
  if (typeof retryAfter === 'number') {
    return Number.isFinite(retryAfter) ? Math.max(0, retryAfter * 1000) : undefined
  }
  if (retryAfter instanceof Date && !Number.isNaN(retryAfter.getTime())) {
    return Math.max(0, retryAfter.getTime() - (options.now ?? Date.now)())
  }
  return undefined
}

// fetch rejects with a TypeError when the network fails (Node's "fetch failed", browsers'
// "Failed to fetch", workerd's "Network connection lost"); an abort is a DOMException.
function isNetworkFailure(error: unknown): boolean {
  try {
    return error instanceof TypeError || (error as { name?: unknown } | null)?.name === 'TypeError'
  } catch {
    return false
  }
}
