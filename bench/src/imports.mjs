// `pnpm bench:imports`: cold import time of each package, in a fresh `node` process each time,
// the packages interleaved over the rounds; the median of the rounds is reported.
import { execFileSync } from 'node:child_process'
import { writeResult } from './results.mjs'

const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5)

/** @type {{ specifier: string, note?: string }[]} */
export const IMPORTS = [
  { specifier: '@faultline/core' },
  { specifier: '@faultline/fetch', note: 'loads core' },
  { specifier: '@faultline/hono', note: 'loads core and hono/validator' },
  { specifier: '@faultline/trpc', note: 'loads core and @trpc/server' },
  { specifier: 'hono' },
  { specifier: 'http-errors' },
  { specifier: '@hapi/boom' },
  { specifier: '@trpc/server' },
]

/** @param {string} specifier @returns {number} milliseconds */
function importTime(specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t)`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: import.meta.dirname,
    encoding: 'utf8',
  })
  return Number(out.trim())
}

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(IMPORTS.map((i) => [i.specifier, []]))
for (let round = 0; round < ROUNDS; round++) {
  for (const { specifier } of IMPORTS) times[specifier]?.push(importTime(specifier))
}
const median = (/** @type {number[]} */ values) =>
  /** @type {number} */ ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)])

const results = IMPORTS.map((i) => {
  const runs = /** @type {number[]} */ (times[i.specifier])
  return { ...i, median: median(runs), runs }
})
writeResult('imports', { rounds: ROUNDS, imports: results })
for (const r of results) console.log(`${r.median.toFixed(1).padStart(6)} ms  ${r.specifier}`)
