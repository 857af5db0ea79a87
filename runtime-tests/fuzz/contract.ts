import { isApiError } from '@faultline/core'
import type { Expect } from './cases'
import { knownBug } from './known'
import { MARKER } from './values'

/** What a response looked like, read once. */
export interface Seen {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/** What the reporting hook was told, per call. */
export interface Report {
  readonly thrown: unknown
  readonly context: unknown
}

const BODY_KEYS = new Set(['code', 'message', 'errors', 'data', 'requestId', 'docUrl'])
const PROBLEM_KEYS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'errors',
  'data',
  'requestId',
])
// RFC 9110's HTTP-date as senders must write it: `Sun, 06 Nov 1994 08:49:37 GMT`
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
// core's rule (request-id.ts): what hono/request-id accepts, plus `. : @`
const SAFE_ID = /^[\w.:@=-]{1,255}$/

/** Reads a response's status, headers and text. */
export async function see(response: Response): Promise<Seen> {
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** A list of broken promises, empty when the contract holds. */
export class Problems {
  readonly list: string[] = []
  check(ok: boolean, what: string): void {
    if (!ok) this.list.push(what)
  }
  /**
   * Throws with every problem found, for fast-check to report and shrink. Problems that are all
   * known bugs (see `KNOWN_BUGS` in known.ts) are counted instead, unless `FUZZ_STRICT` is set.
   */
  throwIfAny(seen: Seen, tags: readonly string[]): string | undefined {
    if (this.list.length === 0) return undefined
    const known = knownBug(tags, this.list)
    if (known) return known
    const headers = [...seen.headers].map(([k, v]) => `${k}: ${v.slice(0, 200)}`).join('\n  ')
    throw new Error(
      `${this.list.join('\n')}\n--- response ${seen.status}\n  ${headers}\n  ${seen.text.slice(0, 600)}`,
    )
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks a catalog error body (the JSON body, the Problem Details body or tRPC's `data.error`)
 * against the wire contract and the case's expectations.
 */
export function checkBody(
  p: Problems,
  body: unknown,
  status: number,
  expect: Expect,
  problem = false,
): void {
  if (!isObject(body)) {
    p.check(false, 'the body is not a JSON object')
    return
  }
  const keys = problem ? PROBLEM_KEYS : BODY_KEYS
  for (const key of Object.keys(body)) p.check(keys.has(key), `unexpected body member "${key}"`)
  p.check(typeof body.code === 'string', 'code is not a string')
  if (problem) {
    p.check(typeof body.type === 'string', 'type is not a string')
    p.check(typeof body.title === 'string', 'title is not a string')
    p.check(typeof body.detail === 'string', 'detail is not a string')
    p.check(body.status === status, `problem status ${String(body.status)} is not ${status}`)
  } else {
    p.check(typeof body.message === 'string', 'message is not a string')
    if (body.docUrl !== undefined) p.check(typeof body.docUrl === 'string', 'docUrl not a string')
  }
  if (body.requestId !== undefined) {
    p.check(typeof body.requestId === 'string', 'requestId is not a string')
  }
  if (body.errors !== undefined) {
    const ok =
      Array.isArray(body.errors) &&
      body.errors.every(
        (issue) =>
          isObject(issue) &&
          typeof issue.code === 'string' &&
          typeof issue.message === 'string' &&
          typeof issue.path === 'string',
      )
    p.check(ok, 'errors is not an array of { code, message, path } strings')
  }
  if (expect.statuses) {
    p.check(expect.statuses.includes(status), `status ${status} not in [${expect.statuses}]`)
  }
  if (expect.code !== undefined && expect.statuses?.includes(status)) {
    p.check(body.code === expect.code, `code ${String(body.code)} is not ${expect.code}`)
  }
  if (expect.data !== undefined) {
    const same = JSON.stringify(body.data) === JSON.stringify(expect.data.json)
    p.check(same, 'data is not the JSON of what was thrown')
  }
}

/** The headers every error response carries, and no secret in any 5xx. */
export function checkResponse(p: Problems, seen: Seen, contentType: RegExp): void {
  const { status, headers, text } = seen
  p.check(Number.isInteger(status) && status >= 400 && status <= 599, `status ${status}`)
  p.check(contentType.test(headers.get('content-type') ?? ''), 'content-type')
  p.check(headers.get('cache-control') === 'no-store', 'cache-control is not no-store')
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null) {
    const valid = /^\d+$/.test(retryAfter) || IMF_FIXDATE.test(retryAfter)
    p.check(valid, `retry-after "${retryAfter}" is neither delay-seconds nor an HTTP date`)
  }
  if (status >= 500) {
    p.check(!text.includes(MARKER), 'the secret is in the body of a 5xx')
    for (const [name, value] of headers) {
      p.check(!`${name}: ${value}`.includes(MARKER), `the secret is in header ${name}`)
    }
  }
}

/**
 * The request id, when correlation is on: the same in the body and the `x-request-id` header,
 * and the incoming one only when it is a safe token (else a UUID).
 */
export function checkRequestId(
  p: Problems,
  seen: Seen,
  bodyId: unknown,
  incoming: string | undefined,
  accepted: RegExp = SAFE_ID,
): void {
  const header = seen.headers.get('x-request-id')
  p.check(typeof bodyId === 'string' && bodyId === header, 'body and header request ids differ')
  if (incoming !== undefined && accepted.test(incoming)) {
    p.check(header === incoming, 'the safe incoming request id was not kept')
  } else {
    p.check(UUID.test(header ?? ''), `request id "${header}" is neither safe nor a UUID`)
  }
}

/** `onError` ran exactly once, with the value thrown and a context that matches the response. */
export function checkReports(
  p: Problems,
  reports: readonly Report[],
  status: number,
  thrown: unknown,
  expect: Expect,
): void {
  const times = expect.reportedTwice ? reports.length >= 1 : reports.length === 1
  p.check(times, `onError ran ${reports.length} times`)
  // when tRPC reports twice, the last report is the error it answered with
  const report = reports[reports.length - 1]
  if (!report) return
  const context = report.context as { error?: unknown; expected?: unknown }
  p.check(isApiError(context.error), 'context.error is not an ApiError')
  if (isApiError(context.error)) {
    p.check(context.error.status === status, `context.error.status ${context.error.status}`)
  }
  p.check(context.expected === status < 500, 'context.expected does not match the status')
  // Object.is: a thrown NaN is the value thrown, though NaN !== NaN
  if (expect.original)
    p.check(Object.is(report.thrown, thrown), 'onError did not get the thrown value')
}
