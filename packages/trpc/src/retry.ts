import {
  type Catalog,
  type CatalogOption,
  type RetryOptions,
  retryDelay,
  shouldRetry,
} from '@faultline/core/adapter'
import { fromTRPCClientError } from './client'

/**
 * Options of {@link retryLinkOptions} and {@link queryRetryOptions}: core's retry policy and
 * the catalog the errors are read with.
 *
 * @example
 * ```ts
 * const options: TRPCRetryOptions = { catalog: errors, maxAttempts: 4 }
 * ```
 */
export interface TRPCRetryOptions<C extends Catalog = Catalog>
  extends RetryOptions,
    CatalogOption<C> {
  /**
   * Retry mutations too (retryLink only). Off by default: turn it on only when the server
   * answers a repeated mutation once, as with an `Idempotency-Key` it honours.
   */
  readonly mutations?: boolean
}

function errorOf(error: unknown, options: TRPCRetryOptions): unknown {
  return fromTRPCClientError(error, options)
}

/**
 * Core's retry policy (`shouldRetry`, `retryDelay`) as the options of `@trpc/client`'s
 * `retryLink`: only what the catalog marks retryable and network failures, backoff with
 * jitter, never sooner than the call's own `Retry-After`. Queries and subscriptions are
 * retried, mutations only with `mutations: true`.
 *
 * @example
 * ```ts
 * const client = createTRPCClient<AppRouter>({
 *   links: [retryLink(retryLinkOptions({ catalog: errors })), httpBatchLink({ url: '/trpc' })],
 * })
 * ```
 */
export function retryLinkOptions(options: TRPCRetryOptions = {}): {
  retry(attempt: {
    readonly op: { readonly type: string }
    readonly error: unknown
    readonly attempts: number
  }): boolean
  retryDelayMs(attempts: number): number
} {
  // retryLink asks retry(), then at once retryDelayMs() with the attempt only: the error read by
  // the first is handed to the second, within one synchronous step of one call
  let last: unknown
  return {
    retry({ op, error, attempts }) {
      if (op.type === 'mutation' && !options.mutations) return false
      last = errorOf(error, options)
      return shouldRetry(last, attempts, options)
    },
    retryDelayMs(attempts) {
      return retryDelay(last, attempts, options)
    },
  }
}

/**
 * Core's retry policy as TanStack Query's `retry` and `retryDelay` (React Query, and tRPC's
 * React Query integrations): `failureCount` counts from 0, so attempt `failureCount + 1` failed.
 * Put it in `defaultOptions.queries`; in `mutations` only when the server answers a repeated
 * mutation once.
 *
 * @example
 * ```ts
 * const queryClient = new QueryClient({
 *   defaultOptions: { queries: queryRetryOptions({ catalog: errors }) },
 * })
 * ```
 */
export function queryRetryOptions(options: TRPCRetryOptions = {}): {
  retry(failureCount: number, error: unknown): boolean
  retryDelay(failureCount: number, error: unknown): number
} {
  return {
    retry: (failureCount, error) => shouldRetry(errorOf(error, options), failureCount + 1, options),
    retryDelay: (failureCount, error) =>
      retryDelay(errorOf(error, options), failureCount + 1, options),
  }
}
