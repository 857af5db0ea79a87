import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
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
import { type Hook, hooks, incomingId, RUNS, reporter, settings, Tally, TEST_TIMEOUT } from './run'

let made: Made | undefined
let hook: Hook = 'returns'
let inContext = false
const reports: Report[] = []
let waited = 0

const thrown = () => (made as Made).thrown

const trpcErrors = createTRPCErrors({
  catalog,
  requestId: true,
  onError: reporter(reports, () => hook),
})

// isDev: true is what tRPC defaults to on workerd (no NODE_ENV): stacks must still stay out
function routerOf(isDev: boolean) {
  const t = initTRPC.create({ isDev, errorFormatter: trpcErrors.errorFormatter })
  const throwing = t.middleware(() => {
    throw thrown()
  })
  return t.router({
    sync: t.procedure.query(() => {
      throw thrown()
    }),
    async: t.procedure.query(async () => {
      await Promise.resolve()
      throw thrown()
    }),
    mutate: t.procedure.mutation(() => {
      throw thrown()
    }),
    middleware: t.procedure.use(throwing).query(() => 'never reached'),
  })
}

const routers = { dev: routerOf(true), prod: routerOf(false) }

function handle(req: Request, router: (typeof routers)['dev']) {
  return trpcErrors.fetchHandler({
    endpoint: '/trpc',
    req,
    router,
    createContext: () => {
      if (inContext) throw thrown()
      return {}
    },
    waitUntil: () => {
      waited++
    },
  })
}

function isError(value: unknown): boolean {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

const DATA_KEYS = new Set(['code', 'httpStatus', 'path', 'error', 'retryAfter'])

const tally = new Tally()
afterAll(() => console.log(tally.summary('trpc createTRPCErrors: errorFormatter + fetchHandler')))

describe('the tRPC adapter under fuzzed throws', () => {
  it(
    `answers every thrown value with the catalog error in tRPC's envelope (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          thrownCase,
          fc.constantFrom('sync', 'async', 'mutate', 'middleware', 'context'),
          fc.constantFrom<keyof typeof routers>('dev', 'prod'),
          incomingId,
          hooks,
          async (thrownCase, where, which, incoming, how) => {
            const started = performance.now()
            made = thrownCase.make()
            hook = how
            inContext = where === 'context'
            reports.length = 0
            waited = 0
            const headers = new Headers({ 'content-type': 'application/json' })
            if (incoming !== undefined) headers.set('x-request-id', incoming)
            const request =
              where === 'mutate'
                ? new Request('http://localhost/trpc/mutate', {
                    method: 'POST',
                    headers,
                    body: '{}',
                  })
                : new Request(`http://localhost/trpc/${inContext ? 'sync' : where}`, { headers })
            const seen = await see(await handle(request, routers[which]))
            // tRPC hands the hook a wrapper of anything that is not an Error
            const planned = made.trpc ?? made.expect
            const expect = { ...planned, original: planned.original && isError(made.thrown) }
            const p = new Problems()
            checkResponse(p, seen, /^application\/json$/)
            let envelope: { error?: Record<string, unknown> } = {}
            try {
              envelope = JSON.parse(seen.text)
            } catch {
              p.check(false, 'the body is not JSON')
            }
            const error = envelope.error ?? {}
            const data = (error.data ?? {}) as Record<string, unknown>
            p.check(typeof error.code === 'number', "the envelope's code is not a number")
            p.check(data.httpStatus === seen.status, `data.httpStatus ${String(data.httpStatus)}`)
            p.check(typeof data.code === 'string', 'data.code is not a string')
            if (data.retryAfter !== undefined) {
              const delay = data.retryAfter
              p.check(Number.isSafeInteger(delay) && (delay as number) >= 0, 'data.retryAfter')
              p.check(seen.headers.has('retry-after'), 'data.retryAfter without Retry-After')
            }
            for (const key of Object.keys(data)) {
              p.check(DATA_KEYS.has(key), `unexpected data member "${key}"`)
            }
            const body = data.error as Record<string, unknown> | undefined
            p.check(error.message === body?.message, 'the envelope message is not the public one')
            checkBody(p, body, seen.status, expect)
            checkRequestId(p, seen, body?.requestId, incoming)
            checkReports(p, reports, seen.status, made.thrown, expect)
            const async = how === 'rejects' || how === 'pending'
            const waits = async ? reports.length : 0
            p.check(waited === waits, `waitUntil ran ${waited} times for ${reports.length} reports`)
            const known = p.throwIfAny(seen, [
              'trpc',
              inContext ? 'in-context' : 'in-call',
              thrownCase.family,
              ...(made.tags ?? []),
            ])
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
