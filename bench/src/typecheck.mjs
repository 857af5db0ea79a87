// `pnpm bench:types`: type-check cost of a catalog of 10, 100 and 1,000 codes used by a router
// (defineErrors, create, is, isApiError, ApiErrorOf), measured with `tsc --extendedDiagnostics`.
// Each size also runs in steps (the same object as a plain `as const` literal without Faultline,
// the catalog alone, + create, + narrowing) so that a cost can be pinned on what causes it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { writeResult } from './results.mjs'

const SIZES = [10, 100, 1000]
const STEPS = /** @type {const} */ (['plain', 'catalog', 'create', 'full'])
const RUNS = Number(process.env.BENCH_TSC_RUNS ?? 3)
const ROOT = join(import.meta.dirname, '..', '.typecheck')
const TSC = createRequire(join(import.meta.dirname, '..', '..', 'package.json')).resolve(
  'typescript/lib/tsc.js',
)
const STATUSES = [400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503, 504]

/** @param {number} i */
const code = (i) => `CODE_${String(i).padStart(4, '0')}`

/**
 * The catalog: n codes, every tenth with typed data; `plain` writes the same object as an
 * `as const` literal, without Faultline.
 * @param {number} n @param {boolean} [plain]
 */
export function catalogSource(n, plain = false) {
  const lines = plain
    ? ['export const errors = {']
    : [
        "import { defineErrors, fields } from '@faultline/core'",
        '',
        'export const errors = defineErrors({',
      ]
  for (let i = 1; i <= n; i++) {
    const status = STATUSES[i % STATUSES.length]
    const fields = plain
      ? `{ descriptions: { id: 'The id' } }`
      : `fields<{ id: string; count: number }>({ id: 'The id' })`
    const data = i % 10 === 2 ? `, data: ${fields}` : ''
    lines.push(`  ${code(i)}: { status: ${status}, message: 'Message ${i}'${data} },`)
  }
  lines.push(plain ? '} as const' : '})', '')
  return lines.join('\n')
}

/** @param {'create' | 'full'} step the router: create on a few codes, then narrowing */
export function routerSource(step) {
  const create = `import { errors } from './catalog'

export function find(id: string): never {
  if (id === '1') throw errors.create('CODE_0001')
  if (id === '2') throw errors.create('CODE_0002', { data: { id, count: 1 } })
  if (id === '3') throw errors.create('CODE_0003', { message: 'Custom message' })
  if (id === '5') throw errors.create('CODE_0005', { cause: new Error('x') })
  throw errors.create('CODE_0009')
}
`
  if (step === 'create') return create
  return `import { type ApiErrorOf, isApiError } from '@faultline/core'
${create}
export type AppError = ApiErrorOf<typeof errors>

export function describe(error: AppError): string {
  switch (error.code) {
    case 'CODE_0002':
      return error.data.id
    case 'CODE_0001':
      return error.message
    default:
      return error.code
  }
}

export function handle(thrown: unknown): string {
  if (errors.is(thrown, 'CODE_0002')) return String(thrown.data.count)
  if (errors.is(thrown, 'CODE_0003')) return thrown.message
  if (isApiError(thrown, 'CODE_0001')) return thrown.code
  if (errors.is(thrown)) return thrown.code
  return 'unknown'
}
`
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['*.ts'],
}

/** @param {number} n @param {(typeof STEPS)[number]} step */
function generate(n, step) {
  const dir = join(ROOT, `${step}-${n}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
  writeFileSync(join(dir, 'catalog.ts'), catalogSource(n, step === 'plain'))
  if (step === 'create' || step === 'full')
    writeFileSync(join(dir, 'router.ts'), routerSource(step))
  return dir
}

/** @param {string} dir */
function diagnostics(dir) {
  let out
  try {
    out = execFileSync(process.execPath, [TSC, '-p', dir, '--extendedDiagnostics'], {
      encoding: 'utf8',
    })
  } catch (error) {
    throw new Error(`tsc failed in ${dir}:\n${/** @type {{ stdout: string }} */ (error).stdout}`)
  }
  /** @param {string} label */
  const read = (label) => {
    const match = out.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))
    return match ? Number(match[1]) : Number.NaN
  }
  return {
    checkTime: read('Check time'),
    totalTime: read('Total time'),
    instantiations: read('Instantiations'),
    types: read('Types'),
    memoryK: read('Memory used'),
  }
}

const median = (/** @type {number[]} */ values) =>
  /** @type {number} */ ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)])

const runs = SIZES.flatMap((n) => STEPS.map((step) => ({ n, step, dir: generate(n, step) })))
/** @type {Map<string, ReturnType<typeof diagnostics>[]>} */
const measured = new Map()
for (let r = 0; r < RUNS; r++) {
  for (const run of runs) {
    const key = `${run.step}-${run.n}`
    measured.set(key, [...(measured.get(key) ?? []), diagnostics(run.dir)])
  }
}
const results = runs.map(({ n, step }) => {
  const all = /** @type {ReturnType<typeof diagnostics>[]} */ (measured.get(`${step}-${n}`))
  const first = /** @type {ReturnType<typeof diagnostics>} */ (all[0])
  return {
    codes: n,
    step,
    checkTime: median(all.map((d) => d.checkTime)),
    totalTime: median(all.map((d) => d.totalTime)),
    instantiations: first.instantiations,
    types: first.types,
    memoryK: median(all.map((d) => d.memoryK)),
  }
})
writeResult('types', { runs: RUNS, typescript: tsVersion(), results })
for (const r of results) {
  console.log(
    `${String(r.codes).padStart(5)} ${r.step.padEnd(8)} check ${r.checkTime.toFixed(2)} s, total ${r.totalTime.toFixed(2)} s, ${r.instantiations} instantiations, ${r.types} types`,
  )
}

function tsVersion() {
  return createRequire(TSC)('../package.json').version
}
