import { problemDetails } from '@faultline/core'
import { withErrors } from '@faultline/fetch'
import fc from 'fast-check'
import { afterAll, describe, it } from 'vitest'
import { type Made, thrownCase } from './cases'
import { catalog } from './catalog'
import {
  checkBody,
  checkReports,
  checkRequestId,
  checkResponse,
  Problems,
  type Report,
  see,
} from './contract'
import {
  accepts,
  type Hook,
  hooks,
  incomingId,
  RUNS,
  reporter,
  settings,
  Tally,
  TEST_TIMEOUT,
} from './run'

type Where = 'sync' | 'async' | 'microtask' | 'rejected-promise'

let made: Made | undefined
let where: Where = 'sync'
let hook: Hook = 'returns'
const reports: Report[] = []
let waited = 0

function handler(_request: Request, _env?: unknown, _ctx?: unknown): Response | Promise<Response> {
  const thrown = (made as Made).thrown
  switch (where) {
    case 'async':
      return (async () => {
        throw thrown
      })()
    case 'microtask':
      return Promise.resolve().then(() => {
        throw thrown
      })
    case 'rejected-promise':
      return Promise.reject(thrown)
    default:
      throw thrown
  }
}

const onError = reporter(reports, () => hook)
const handlers = {
  off: withErrors(handler, { catalog, onError, problemDetails }),
  on: withErrors(handler, { catalog, onError, problemDetails, requestId: true }),
  custom: withErrors(handler, {
    catalog,
    onError,
    problemDetails,
    requestId: (request) => request.headers.get('cf-ray'),
  }),
}
const ctx = {
  waitUntil: (_promise: Promise<unknown>) => {
    waited++
  },
}

const tally = new Tally()
afterAll(() => console.log(tally.summary('fetch withErrors')))

describe('withErrors under fuzzed throws', () => {
  it(
    `answers every thrown value with a catalog error (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          thrownCase,
          fc.constantFrom<Where>('sync', 'async', 'microtask', 'rejected-promise'),
          fc.constantFrom<keyof typeof handlers>('off', 'on', 'custom'),
          fc.nat(accepts.length - 1),
          incomingId,
          hooks,
          fc.boolean(),
          async (thrownCase, place, correlation, acceptIndex, incoming, how, withCtx) => {
            const started = performance.now()
            made = thrownCase.make()
            where = place
            hook = how
            reports.length = 0
            waited = 0
            const [accept, problem] = accepts[acceptIndex] ?? [undefined, false]
            const headers = new Headers()
            if (accept) headers.set('accept', accept)
            if (incoming !== undefined) headers.set('x-request-id', incoming)
            const request = new Request('http://localhost/api/thing', { headers })
            const response = withCtx
              ? await handlers[correlation](request, undefined, ctx)
              : await handlers[correlation](request)
            const seen = await see(response)
            const p = new Problems()
            checkResponse(
              p,
              seen,
              problem ? /^application\/problem\+json$/ : /^application\/json; charset=utf-8$/,
            )
            let body: Record<string, unknown> = {}
            try {
              body = JSON.parse(seen.text)
            } catch {
              p.check(false, 'the body is not JSON')
            }
            checkBody(p, body, seen.status, made.expect, problem)
            if (correlation !== 'off') checkRequestId(p, seen, body.requestId, incoming)
            checkReports(p, reports, seen.status, made.thrown, made.expect)
            const async = how === 'rejects' || how === 'pending'
            p.check(waited === (withCtx && async ? 1 : 0), `waitUntil ran ${waited} times`)
            const known = p.throwIfAny(seen, ['fetch', thrownCase.family, ...(made.tags ?? [])])
            tally.add(
              known ? `tolerated: ${known}` : thrownCase.family,
              seen.status,
              performance.now() - started,
            )
          },
        ),
        settings(),
      )
    },
    TEST_TIMEOUT,
  )
})
