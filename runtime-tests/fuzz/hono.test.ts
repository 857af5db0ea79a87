import { problemDetails } from '@faultline/core'
import { errorBoundary, errorHandler, notFoundHandler } from '@faultline/hono'
import fc from 'fast-check'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
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

let made: Made | undefined
let hook: Hook = 'returns'
const reports: Report[] = []
let waited = 0

const thrown = () => (made as Made).thrown
const onError = reporter(reports, () => hook)

/** The app a user would write: boundary first, onError, notFound, routes and middleware that throw. */
function build(options: { correlation: boolean; honoRequestId: boolean }) {
  const shared = { catalog, onError, problemDetails, requestId: options.correlation }
  const app = new Hono()
  app.use(errorBoundary(shared))
  if (options.honoRequestId) app.use(requestId())
  app.onError(errorHandler(shared))
  app.notFound(notFoundHandler(shared))
  app.use('/before/*', async () => {
    throw thrown()
  })
  app.use('/after/*', async (_c, next) => {
    await next()
    throw thrown()
  })
  app.get('/sync', () => {
    throw thrown()
  })
  app.get('/async', async () => {
    await Promise.resolve()
    throw thrown()
  })
  app.get('/before/x', (c) => c.text('never reached'))
  app.get('/after/x', (c) => c.text('fine', 200, { 'x-route': 'after' }))
  return app
}

const apps = {
  plain: build({ correlation: false, honoRequestId: false }),
  correlated: build({ correlation: true, honoRequestId: false }),
  withRequestIdMiddleware: build({ correlation: true, honoRequestId: true }),
}
const ctx = {
  waitUntil: (_promise: Promise<unknown>) => {
    waited++
  },
  passThroughOnException: () => {},
  props: {},
}

// hono/request-id keeps an incoming id of up to 255 of `\w - =`, a wider rule than core's
const HONO_ID = /^[\w=-]{1,255}$/

const tally = new Tally()
afterAll(() => console.log(tally.summary('hono errorHandler + errorBoundary')))

describe('errorHandler and errorBoundary under fuzzed throws', () => {
  it(
    `answers every thrown value with a catalog error (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          thrownCase,
          fc.constantFrom('/sync', '/async', '/before/x', '/after/x'),
          fc.constantFrom<keyof typeof apps>('plain', 'correlated', 'withRequestIdMiddleware'),
          fc.nat(accepts.length - 1),
          incomingId,
          hooks,
          fc.boolean(),
          async (thrownCase, path, which, acceptIndex, incoming, how, withCtx) => {
            const started = performance.now()
            made = thrownCase.make()
            hook = how
            reports.length = 0
            waited = 0
            const [accept, problem] = accepts[acceptIndex] ?? [undefined, false]
            const headers = new Headers()
            if (accept) headers.set('accept', accept)
            if (incoming !== undefined) headers.set('x-request-id', incoming)
            const app = apps[which]
            const response = await app.request(
              path,
              { headers },
              undefined,
              withCtx ? (ctx as never) : undefined,
            )
            const seen = await see(response)
            const expect = made.hono ?? made.expect
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
            checkBody(p, body, seen.status, expect, problem)
            if (which !== 'plain') {
              const accepted = which === 'withRequestIdMiddleware' ? HONO_ID : undefined
              checkRequestId(p, seen, body.requestId, incoming, accepted)
            }
            checkReports(p, reports, seen.status, made.thrown, expect)
            const async = how === 'rejects' || how === 'pending'
            p.check(waited === (withCtx && async ? 1 : 0), `waitUntil ran ${waited} times`)
            const known = p.throwIfAny(seen, ['hono', thrownCase.family, ...(made.tags ?? [])])
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
