// `pnpm bench`: every part in its own fresh Node process, then RESULTS.md.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const parts = process.argv.slice(2)
const PARTS = ['size', 'imports', 'typecheck', 'speed']
for (const part of parts.length ? parts : PARTS) {
  if (!PARTS.includes(part)) throw new Error(`Unknown part ${part}; one of ${PARTS.join(', ')}`)
  console.log(`\n# ${part}`)
  execFileSync(process.execPath, [join(import.meta.dirname, `${part}.mjs`)], { stdio: 'inherit' })
}
execFileSync(process.execPath, [join(import.meta.dirname, 'report.mjs')], { stdio: 'inherit' })
