import { declareErrors } from '@faultline/core'
import { errors, SECRET } from '@faultline/test-catalog'

// The shared test catalog; what follows is what every conformance app does with it.
export { errors, SECRET }

/**
 * What every app does for a `/fail/<what>` route (a `fail.<what>` procedure in tRPC), so that
 * the three adapters are handed exactly the same throws.
 */
export const failures = {
  conflict: () => errors.create('VOTE_EXISTS'),
  string: () => `a thrown string with ${SECRET}`,
  null: () => null,
  error: () => new Error(`connect ECONNREFUSED ${SECRET}`),
  limited: () => errors.create('TOO_MANY_REQUESTS', { retryAfter: 30 }),
  unavailable: () => errors.create('SERVICE_UNAVAILABLE', { retryAfter: 120 }),
  'bad-gateway': () => errors.create('BAD_GATEWAY', { message: `upstream said ${SECRET}` }),
  timeout: () => errors.create('GATEWAY_TIMEOUT'),
  'request-failed': () => errors.create('REQUEST_FAILED', { message: 'The card was declined' }),
  // a code the fail route does not declare: with `undeclared: 'fail'`, every surface answers 500
  undeclared: () => errors.create('POST_NOT_FOUND', { data: { postId: 'p_undeclared' } }),
} satisfies Record<string, () => unknown>

/**
 * What the fail route (procedure) declares it may answer: every code of {@link failures} but
 * `undeclared`'s. Every app runs with `undeclared: 'fail'`.
 */
export const failDeclared = declareErrors(errors, [
  'VOTE_EXISTS',
  'REQUEST_FAILED',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
])

/** The name of a failure every app can be asked for. */
export type Failure = keyof typeof failures

/** The value a `/fail/<what>` route throws; `undefined` for an unknown name. */
export function failure(what: string): { thrown: unknown } | undefined {
  return Object.hasOwn(failures, what) ? { thrown: failures[what as Failure]() } : undefined
}

/**
 * What every app does before a write to `/drafts` (`draft.create`): 401 without a valid key, 403
 * with the read-only one. It runs before the body is read.
 */
export function authorize(header: string | null | undefined): void {
  if (header === 'Bearer reader') throw errors.create('FORBIDDEN')
  if (header !== 'Bearer writer') throw errors.create('UNAUTHORIZED')
}
