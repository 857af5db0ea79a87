// `pnpm run matrix [runtime ...]`: the conformance suite on every runtime, as a table.
import type { RunResult } from '../src/run'
import { buildBundles } from './build'
import { expectedRuntime, type RuntimeName, runOn, runtimes } from './runtimes'
import { formatTable, type MatrixRow } from './table'
import { runOnWorkerd } from './workerd'

type Target = RuntimeName | 'workerd'
const targets: readonly Target[] = [...runtimes, 'workerd']

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !targets.includes(name as Target))
if (unknown.length > 0) {
  console.error(`Unknown runtime ${unknown.join(', ')}; choose from ${targets.join(', ')}`)
  process.exit(2)
}
const selected = wanted.length > 0 ? targets.filter((t) => wanted.includes(t)) : targets

const built = Date.now()
const bundles = await buildBundles()
console.log(`bundled in ${Date.now() - built} ms`)

const rows: MatrixRow[] = []
const failed: { target: Target; result?: RunResult; error?: string }[] = []
for (const target of selected) {
  const started = Date.now()
  try {
    const result = target === 'workerd' ? await runOnWorkerd() : await runOn(target, bundles)
    const wrong = target === 'workerd' ? undefined : wrongRuntime(target, result)
    rows.push({
      runtime: target,
      version: result.runtime.version,
      passed: result.passed,
      failed: result.total - result.passed,
      total: result.total,
      runMs: result.ms,
      wallMs: Date.now() - started,
      error: wrong,
    })
    if (wrong || result.failures.length > 0) failed.push({ target, result, error: wrong })
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown.message : String(thrown)
    rows.push({
      runtime: target,
      version: '',
      passed: 0,
      failed: 0,
      total: 0,
      runMs: 0,
      wallMs: Date.now() - started,
      error,
    })
    failed.push({ target, error })
  }
}

console.log(`\n${formatTable(rows)}\n`)
for (const { target, result, error } of failed) {
  console.log(`── ${target}`)
  if (error) console.log(error)
  for (const failure of result?.failures ?? []) {
    console.log(`  ✗ ${failure.name}\n${failure.problems.map((p) => `      ${p}`).join('\n')}`)
  }
}
process.exitCode = failed.length > 0 ? 1 : 0

function wrongRuntime(target: RuntimeName, result: RunResult): string | undefined {
  const want = expectedRuntime[target]
  const { name, version } = result.runtime
  if (name === want.name && (!want.major || version.split('.')[0] === want.major)) return undefined
  return `ran on ${name} ${version}, expected ${want.name} ${want.major ?? ''}`.trim()
}
