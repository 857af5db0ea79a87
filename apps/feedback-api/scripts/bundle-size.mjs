// Measures the Worker as it would be deployed: `wrangler deploy --dry-run` (no account needed)
// bundles it with a metafile, and this prints the total (raw and gzip) and the bytes each
// dependency contributes to the output, as a Markdown table.
//
//   node scripts/bundle-size.mjs            # builds into a temporary folder
//   node scripts/bundle-size.mjs <outdir>   # reads a dry run already in <outdir>
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const app = path.resolve(import.meta.dirname, '..')
let out = process.argv[2]
if (!out) {
  out = mkdtempSync(path.join(tmpdir(), 'feedback-api-bundle-'))
  const wrangler = createRequire(path.join(app, 'package.json')).resolve('wrangler/bin/wrangler.js')
  execFileSync(
    process.execPath,
    [wrangler, 'deploy', '--dry-run', '--outdir', out, '--metafile', path.join(out, 'meta.json')],
    { cwd: app, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )
}

const code = readFileSync(path.join(out, 'index.js'))
const meta = JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8'))
const output = Object.entries(meta.outputs).find(([file]) => file.endsWith('index.js'))?.[1]
if (!output) throw new Error(`No index.js in the metafile of ${out}`)

// node_modules/.pnpm/<store entry>/node_modules/<package>/… → <package>; our own files by folder
function owner(input) {
  const modules = input.split('node_modules/')
  if (modules.length > 1) {
    const rest = modules.at(-1).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (input.includes('packages/')) return `@faultline/${input.split('packages/')[1].split('/')[0]}`
  if (input.startsWith('src/')) return 'the demo (src/)'
  return `other (${input})`
}

const bytes = new Map()
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name = owner(input)
  bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput)
}
const total = code.length
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
console.log(`Total: ${kib(total)} raw, ${kib(gzipSync(code).length)} gzip\n`)
console.log('| dependency | raw bytes in the bundle | share |')
console.log('| --- | ---: | ---: |')
for (const [name, n] of [...bytes].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${name} | ${kib(n)} | ${((100 * n) / total).toFixed(1)}% |`)
}
