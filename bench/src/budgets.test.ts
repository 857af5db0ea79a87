import { describe, expect, it } from 'vitest'
import { measureEntry } from './sizes.mjs'

// Bytes on the edge, gzip -9 of a minified ESM Workers bundle (see sizes.mjs). A failing budget
// prints the bytes each Faultline source module leaves in the bundle: start from the biggest,
// and see RESULTS.md for the bytes of each function of core.
async function faultlineModules(id: string): Promise<string> {
  const { inputs } = await measureEntry(id, { fromSource: true })
  return inputs
    .filter((input) => input.path.startsWith('packages/'))
    .map((input) => `${input.bytes} B ${input.path}`)
    .join('\n')
}

// The targets are 1,500 B for core + the Hono adapter and 2,000 B for core alone. With the
// behaviour DESIGN.md requires on the error path (Problem Details negotiation, normalising any
// throw, redaction, definition-time checks) they measure 3,390 B and 3,375 B (RESULTS.md says
// where the bytes go). The budgets below hold today's line so that it can only go down: lower
// them as core shrinks, and never raise them without saying why. Raised once, from 3,300 and
// 3,250 B, for the fixes of the bugs the fuzzer found (runtime-tests/fuzz/regression): a 5xx
// leak, hostile fields of another copy, Retry-After formats, string headers. The Hono budget
// was raised again, from 3,450 B, for core's drainBody (about 250 B): without it workerd drops
// the client's keep-alive connection after an error answer to a request whose body was not
// read (the load test lost hundreds of requests that way; runtime-tests/host/keep-alive.test.ts).
// Raised a third time, from 3,650 and 3,400 B, for the one request model in core (about 130 B
// and 40 B): the request id fixed once per request for every layer (a WeakMap), honouring
// hono/request-id and a custom picker, error answers to HEAD without a body, and callReporter,
// the one way every adapter calls the reporting hook. The issue "A smaller, sharper public API"
// sets 2,700 B for the whole Hono setup: the way down is there. Core's two doors (main and
// /adapter, one shared chunk) cost the Hono bundle 5 B more; `retryable` carried on every
// ApiError (from the catalog entry, so that a client can decide without guessing) 26 B and 21 B;
// errorHeaders' options object (no positional optionals in a public function) 8 B of core's; the
// one argument convention (options objects for fromStatus, createError, toApiError) 20 B and 9 B.
// The Hono entry now measures the README's whole setup, notFoundHandler({ app }) included: 391 B.
// Problem Details made opt-in (core's `problemDetails` option): 258 B and 292 B less.
const HONO_BUDGET = 3973
const CORE_BUDGET = 3192

describe('edge bundle budgets (gzip -9)', () => {
  it(`adds at most ${HONO_BUDGET} B to a bare Hono app for the README's Hono setup`, async () => {
    const bare = await measureEntry('hono-bare')
    const faultline = await measureEntry('hono-faultline')
    const delta = faultline.gzip - bare.gzip
    expect(delta, await faultlineModules('hono-faultline')).toBeLessThanOrEqual(HONO_BUDGET)
  })

  it(`keeps core alone (a catalog rendered with handleError) within ${CORE_BUDGET} B`, async () => {
    const core = await measureEntry('core-handle-error')
    expect(core.gzip, await faultlineModules('core-handle-error')).toBeLessThanOrEqual(CORE_BUDGET)
  })

  // What each feature brings, so that a Worker without it does not carry it (entries per feature)
  const PROBLEM = 'packages/core/src/problem.ts'
  const VALIDATION = ['packages/core/src/validation.ts', 'packages/core/src/body.ts']
  const modulesOf = async (id: string) =>
    (await measureEntry(id, { fromSource: true })).inputs.map((input) => input.path)

  it('ships no Problem Details or validation code to a Worker that uses neither', async () => {
    for (const id of ['hono-faultline', 'core-handle-error', 'fetch-faultline']) {
      expect(await modulesOf(id)).not.toContain(PROBLEM)
      for (const path of VALIDATION) expect(await modulesOf(id)).not.toContain(path)
    }
  })

  it('ships them to the Workers that use them', async () => {
    expect(await modulesOf('hono-faultline-problem')).toContain(PROBLEM)
    for (const id of ['hono-faultline-validator', 'fetch-faultline-readjson']) {
      const modules = await modulesOf(id)
      for (const path of VALIDATION) expect(modules).toContain(path)
      expect(modules).not.toContain(PROBLEM)
    }
  })

  it('keeps a client that imports only the wire types and isApiError within 300 B', async () => {
    const wire = await measureEntry('core-wire')
    expect(wire.gzip, await faultlineModules('core-wire')).toBeLessThanOrEqual(300)
  })

  it('ships no part of core but the brand check to a wire-types-only client', async () => {
    const { inputs } = await measureEntry('core-wire', { fromSource: true })
    expect(inputs.map((input) => input.path).sort()).toEqual([
      'packages/core/src/brand.ts',
      'src/entries/core-wire.js',
    ])
  })
})
