import { type ErrorReporter, problemDetails } from '@faultline/core'
import { logErrors } from '@faultline/core/log'
import { errors } from '../catalog'
import { idempotencyKey } from '../service/schemas'
import { undeclared } from './undeclared'

/** The largest request body any surface reads: 64 KiB. */
export const BODY_LIMIT = 64 * 1024

/**
 * Logs the errors worth a look, one structured line each (`@faultline/core/log`): every 5xx
 * with `console.error`, and 402 `REQUEST_FAILED` (a webhook that could not be delivered) with
 * `console.warn`, its cause included. Each line carries the request id the client received,
 * the code, the status, the method and the path; credentials in URLs, `Bearer` keys and the
 * API key headers are scrubbed. The other 4xx are the client's mistakes and are not logged,
 * unless the operation did not declare them (`src/errors-per-route.ts`): `logErrors` logs an
 * undeclared 4xx as a warning with `undeclared: true`, so that a declaration that drifted from
 * the code shows in the log.
 */
export const reportError: ErrorReporter = logErrors({
  catalog: errors,
  levels: { REQUEST_FAILED: 'warn' },
  redact: [/\blc_\w+/],
  headers: ['user-agent', 'referer', 'cf-ray', 'authorization'],
  fields: { service: 'feedback-api' },
})

/**
 * The error options every surface shares. Problem Details are on for the Hono app and the Fetch
 * handler (RFC 9457 when `Accept` prefers `application/problem+json`); tRPC answers in its own
 * envelope and has none. An error its operation did not declare (`src/errors-per-route.ts`) is
 * answered as it is and reported with `undeclared: true` (a 500 under test: `./undeclared`).
 */
export const errorOptions = {
  catalog: errors,
  onError: reportError,
  requestId: true,
  problemDetails,
  undeclared,
} as const

/**
 * The `Idempotency-Key` header of a request: `undefined` when absent, else 1 to 255
 * characters or 400 `BAD_REQUEST`.
 *
 * @example
 * ```ts
 * const key = idempotencyKeyOf(request.headers.get('idempotency-key'))
 * ```
 */
export function idempotencyKeyOf(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined) return undefined
  if (!idempotencyKey.safeParse(header).success) {
    throw errors.create('BAD_REQUEST', {
      message: 'The Idempotency-Key header must be 1 to 255 characters',
    })
  }
  return header
}

/** Headers of a 201 that replays the first response of an idempotent request. */
export function replayHeaders(replayed: boolean): Record<string, string> {
  return replayed ? { 'idempotent-replayed': 'true' } : {}
}
