import { errors } from '../catalog'
import type { DemoStatus } from './schemas'

/**
 * Fails the way a real handler does, for the playground and the tests: a 500 is a plain
 * `Error` whose message holds a secret (clients must see only the catalog's message); 502, 503
 * and 504 are what a failed upstream call turns into.
 *
 * @example
 * ```ts
 * await demoFail(503) // throws SERVICE_UNAVAILABLE with Retry-After: 30
 * ```
 */
export async function demoFail(status: DemoStatus): Promise<never> {
  if (status === 500) {
    throw new Error('Connection to postgres://admin:hunter2@10.0.0.5/feedback refused')
  }
  const cause = await callSearchService(status)
  if (status === 502) {
    throw errors.create('BAD_GATEWAY', { message: 'The search service answered 500', cause })
  }
  if (status === 503) {
    throw errors.create('SERVICE_UNAVAILABLE', {
      message: 'The search service is down for maintenance',
      retryAfter: 30,
      cause,
    })
  }
  throw errors.create('GATEWAY_TIMEOUT', {
    message: 'The search service did not answer within 5000 ms',
    cause,
  })
}

// A stand-in for an upstream service, failing without any network: what `fetch` would give.
async function callSearchService(status: 502 | 503 | 504): Promise<unknown> {
  if (status === 504) return new DOMException('The operation timed out.', 'TimeoutError')
  return new Response('internal-search.svc.cluster.local:9200 failed', {
    status: status === 502 ? 500 : 503,
  })
}
