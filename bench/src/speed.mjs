// Speed of the error path: every case measured with mitata, interleaved in one process.
// Many short rounds each measure every case once (rotating the order); percentiles are pooled
// over rounds and ratios are the median of the per-round ratios, so a noisy neighbour (the
// machine is shared) hits the cases compared alike.
import { loadavg } from 'node:os'
import { measure } from 'mitata'
import { speedCases } from './cases.mjs'
import { writeResult } from './results.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const CPU_MS = Number(process.env.BENCH_CPU_MS ?? 150)
const WARMUP = 3000
const FILTER = process.env.BENCH_FILTER ? new RegExp(process.env.BENCH_FILTER) : undefined

/** The ratios asked for: case id → reference ids. */
export const RATIOS = {
  'hono-hand': ['floor'],
  'hono-hand-stackless': ['floor', 'hono-hand'],
  'hono-hand-readme': ['floor', 'hono-hand-stackless'],
  'hono-httpexception': ['floor', 'hono-hand'],
  'hono-faultline-404': ['floor', 'hono-hand'],
  'hono-faultline-500': ['floor', 'hono-hand'],
  'hono-faultline-readme': ['floor', 'hono-hand', 'hono-hand-stackless', 'hono-hand-readme'],
  'hono-default-apierror': ['floor', 'hono-hand'],
  'fetch-hand-stackless': ['floor'],
  'fetch-faultline-404': ['floor', 'fetch-hand-stackless'],
  'fetch-faultline-problem': ['floor', 'fetch-faultline-404'],
  'fetch-faultline-1000-codes': ['floor', 'fetch-faultline-404'],
  'fetch-faultline-drain-64k': ['floor', 'fetch-faultline-404'],
  'fetch-faultline-drain-1024k': ['floor', 'fetch-faultline-404'],
  'trpc-default': ['floor'],
  'trpc-faultline-formatter': ['floor', 'trpc-default'],
  'trpc-faultline-full': ['floor', 'trpc-default'],
}

/** Faultline cases and the hand-written references they are compared with: they must answer alike. */
/** @type {[string, string][]} */
const LIKE_FOR_LIKE = [
  ['hono-faultline-readme', 'hono-hand-stackless'],
  ['hono-faultline-readme', 'hono-hand-readme'],
  ['fetch-faultline-404', 'fetch-hand-stackless'],
]

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN

const cases = (await speedCases()).filter((c) => !FILTER || FILTER.test(c.id))

// What each case answers, checked once so that a case cannot silently measure a broken path.
/** @type {Record<string, { status: number, contentType: string | null, body: string }>} */
const answers = {}
for (const c of cases) {
  const response = await c.request()
  const contentType = response.headers.get('content-type')
  answers[c.id] = { status: response.status, contentType, body: await response.text() }
}

for (const [id, ref] of LIKE_FOR_LIKE) {
  const [a, b] = [answers[id], answers[ref]]
  if (a && b && (a.status !== b.status || a.body !== b.body)) {
    throw new Error(`${id} and ${ref} answer differently: ${JSON.stringify([a, b])}`)
  }
}

// Warm every path up to its optimised tiers before anything is timed.
for (const c of cases) {
  for (let i = 0; i < WARMUP; i++) await (await c.request()).text()
}

/** @type {Record<string, { p50: number[], samples: number[] }>} */
const collected = Object.fromEntries(cases.map((c) => [c.id, { p50: [], samples: [] }]))
const load = [loadavg()[0]]
const started = Date.now()
// One sample per request (no batching), so p75/p99 are real per-request tails. No forced full GC
// before each measurement (mitata's default under --expose-gc): it left every following
// measurement cold and doubled its p50; the GC the cases cause lands in their own tails.
const OPTIONS = { batch_threshold: 0, min_cpu_time: CPU_MS * 1e6, min_samples: 50, gc: false }

// Round -1 warms mitata's own loop up and is thrown away.
for (let round = -1; round < ROUNDS; round++) {
  for (let i = 0; i < cases.length; i++) {
    const c = /** @type {import('./cases.mjs').SpeedCase} */ (
      cases[(i + round + cases.length) % cases.length]
    )
    const stats = await measure(async () => {
      const response = await c.request()
      await response.text()
    }, OPTIONS)
    if (round < 0) continue
    const into = /** @type {{ p50: number[], samples: number[] }} */ (collected[c.id])
    into.p50.push(stats.p50)
    for (const s of stats.samples) into.samples.push(s)
  }
  if (round < 0) continue
  load.push(loadavg()[0])
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`)
}

const results = cases.map((c) => {
  const { p50, samples } = /** @type {{ p50: number[], samples: number[] }} */ (collected[c.id])
  samples.sort((a, b) => a - b)
  const ratios = Object.fromEntries(
    (RATIOS[/** @type {keyof typeof RATIOS} */ (c.id)] ?? [])
      .filter((ref) => collected[ref])
      .map((ref) => {
        const refP50 = /** @type {{ p50: number[] }} */ (collected[ref]).p50
        const perRound = p50.map((v, r) => v / /** @type {number} */ (refP50[r]))
        const sorted = perRound.sort((a, b) => a - b)
        const spread = { q25: quantile(sorted, 0.25), q75: quantile(sorted, 0.75) }
        return [ref, { median: quantile(sorted, 0.5), ...spread }]
      }),
  )
  return {
    id: c.id,
    name: c.name,
    note: c.note,
    prototype: c.prototype === true,
    answer: answers[c.id],
    samples: samples.length,
    // nanoseconds
    p50: quantile(samples, 0.5),
    p75: quantile(samples, 0.75),
    p99: quantile(samples, 0.99),
    avg: samples.reduce((a, b) => a + b, 0) / samples.length,
    roundP50: p50,
    ratios,
  }
})

writeResult('speed', {
  rounds: ROUNDS,
  cpuMsPerCasePerRound: CPU_MS,
  seconds: (Date.now() - started) / 1000,
  loadavg1: load,
  cases: results,
})
for (const r of results) {
  const ratio = Object.entries(r.ratios)
    .map(([ref, v]) => `${v.median.toFixed(2)}× ${ref}`)
    .join(', ')
  console.log(`${(r.p50 / 1000).toFixed(1).padStart(7)} µs  ${r.id.padEnd(28)} ${ratio}`)
}
