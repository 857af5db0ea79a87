import {
  type ApiErrorOf,
  type Catalog,
  type CatalogOption,
  type DefaultCatalog,
  parseErrorResponse,
  type RetryOptions,
  retryDelay,
  shouldRetry,
} from '@faultline/core'

/**
 * Options of {@link retryingFetch}: core's retry policy, the catalog errors are read with, and
 * the bounds of one logical call.
 *
 * @example
 * ```ts
 * const options: RetryingFetchOptions<typeof errors> = { catalog: errors, timeoutMs: 15_000 }
 * ```
 */
export interface RetryingFetchOptions<C extends Catalog = DefaultCatalog>
  extends RetryOptions,
    CatalogOption<C> {
  /** The whole call, every attempt and wait included, in ms: it then aborts with a TimeoutError. */
  readonly timeoutMs?: number
  /** Told before each wait: the error that failed `attempt` and how long the wait will be. */
  readonly onRetry?: (retry: {
    readonly error: unknown
    readonly attempt: number
    readonly delayMs: number
  }) => void
  /** The `fetch` to call: the global one by default (a service binding's, a test's). */
  readonly fetch?: (request: Request) => Promise<Response>
}

/** What {@link retryingFetch} gives: `fetch`'s signature, resolving only with a success. */
export type RetryingFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/**
 * A `fetch` that retries as the catalog advises (core's `shouldRetry` and `retryDelay`:
 * retryable codes and network failures, exponential backoff with jitter, never sooner than
 * `Retry-After`) and resolves only with a 2xx or 3xx `Response`; a failure is thrown as the
 * catalog's typed error once retrying is over. A `POST` without an `Idempotency-Key` gets one,
 * made once per call and sent on every attempt, so a retried create cannot run twice on a
 * server that honours it. The caller's `signal` and `timeoutMs` abort the call, waits included.
 *
 * @example
 * ```ts
 * const api = retryingFetch({ catalog: errors, timeoutMs: 15_000 })
 * try {
 *   const response = await api('/api/v1/posts', { method: 'POST', body: JSON.stringify(post) })
 *   return await response.json()
 * } catch (e) {
 *   if (errors.is(e, 'VALIDATION_ERROR')) return showIssues(e.errors)
 *   throw e
 * }
 * ```
 */
export function retryingFetch<C extends Catalog = DefaultCatalog>(
  options: RetryingFetchOptions<C> = {},
): RetryingFetch {
  const { timeoutMs, onRetry } = options
  return async (input, init) => {
    const signals = [
      init?.signal,
      timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    ]
    const signal = anySignal(signals.filter((s): s is AbortSignal => s != null))
    // one Request for the call: each attempt sends a clone, so a body can be sent again
    const template = new Request(input, { ...init, signal })
    if (template.method === 'POST' && !template.headers.has('idempotency-key')) {
      template.headers.set('idempotency-key', crypto.randomUUID())
    }
    const send = options.fetch ?? ((request: Request) => fetch(request))
    for (let attempt = 1; ; attempt++) {
      let failure: unknown
      try {
        const response = await send(template.clone())
        if (response.status < 400) return response
        failure = await parseErrorResponse(response, options)
      } catch (thrown) {
        if (signal?.aborted) throw signal.reason
        failure = thrown
      }
      if (!shouldRetry(failure, attempt, options)) throw failure as ApiErrorOf<C>
      const delayMs = retryDelay(failure, attempt, options)
      onRetry?.({ error: failure, attempt, delayMs })
      await sleep(delayMs, signal)
    }
  }
}

function anySignal(signals: AbortSignal[]): AbortSignal | undefined {
  if (signals.length <= 1) return signals[0]
  return AbortSignal.any(signals)
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }, ms)
    const abort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}
