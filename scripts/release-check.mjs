#!/usr/bin/env node
// Release check: what npm users would install. Packs every published package under packages/*
// with pnpm (which rewrites `workspace:^` to real versions), installs the tarballs and their
// peers in a scratch project with npm, then loads each package from ESM and from CommonJS and
// calls it for real; for @faultline/docs it also runs the `faultline` bin on a .ts catalog.
// Run it after `pnpm build` (and publint/attw):
//
//   node scripts/release-check.mjs [--only core,docs] [--keep]
//
// `--only` limits the checks to some package folders; the internal packages they depend on are
// packed and installed too. `--keep` keeps the temp dir. Exits 1 on any failure, 2 on bad usage.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const PNPM = 'pnpm@10.34.9'
const root = fileURLToPath(new URL('..', import.meta.url))
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  npm_config_update_notifier: 'false',
}

// One catalog for every smoke test; `lib` is the package under test, `core` is @faultline/core.
const CATALOG = `const errors = core.defineErrors({
  ...core.defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})`

// What each package's smoke test imports besides core, and does (an async function body that
// asserts and returns what to print). A package without an entry gets a generic check.
const SMOKE = {
  core: {
    // the opt-in reporters too: their subpaths load, and nothing of @opentelemetry/api is needed
    imports: { log: '@faultline/core/log', otel: '@faultline/core/otel' },
    body: `const response = errors.create('POST_NOT_FOUND').getResponse()
    assert.equal(response.status, 404)
    const lines = []
    const logger = { error: (line) => lines.push(line), warn: (line) => lines.push(line) }
    core.handleError(new Error('postgres://admin:hunter2@db/x'), { onError: log.logErrors({ logger }) })
    assert.equal(lines.length, 1)
    assert.ok(!JSON.stringify(lines).includes('hunter2'), 'the log line is scrubbed')
    const onSpan = otel.traceErrors({ trace: { getActiveSpan: () => undefined } })
    core.handleError(new Error('boom'), { onError: onSpan })
    return await response.json()`,
  },
  fetch: {
    imports: {},
    body: `const handler = lib.withErrors(() => { throw errors.create('POST_NOT_FOUND') }, { catalog: errors })
    const response = await handler(new Request('http://localhost/posts/7'))
    assert.equal(response.status, 404)
    return await response.json()`,
  },
  hono: {
    imports: { hono: 'hono' },
    body: `const app = new hono.Hono()
    app.onError(lib.errorHandler({ catalog: errors }))
    app.get('/posts/:id', () => { throw errors.create('POST_NOT_FOUND') })
    const response = await app.request('/posts/7')
    assert.equal(response.status, 404)
    return await response.json()`,
  },
  trpc: {
    imports: { server: '@trpc/server' },
    body: `const trpcError = lib.toTRPCError(errors.create('POST_NOT_FOUND'), { catalog: errors })
    assert.ok(trpcError instanceof server.TRPCError, 'a TRPCError of the installed @trpc/server')
    assert.equal(trpcError.code, 'NOT_FOUND')
    const back = lib.fromTRPCError(trpcError, { catalog: errors })
    assert.equal(back.code, 'POST_NOT_FOUND')
    return back.toJSON()`,
  },
  docs: {
    imports: {},
    body: `const markdown = lib.renderErrorReference(errors)
    assert.match(markdown, /^### POST_NOT_FOUND$/m)
    const { responses } = lib.openApiComponents(errors)
    assert.ok(responses.Error404, 'an Error404 response')
    return { markdownLines: markdown.split('\\n').length, responses: Object.keys(responses).length }`,
  },
}
const GENERIC = {
  imports: {},
  body: `assert.ok(Object.keys(lib).length > 0, 'some exports')
    return Object.keys(lib).sort()`,
}

const results = []
const record = (name, check, ok, detail) => {
  results.push({ name, check, ok })
  const line = `  ${ok ? '✓' : '✗'} ${name.padEnd(18)} ${check.padEnd(5)} ${detail}`
  ;(ok ? console.log : console.error)(ok ? line : `${line}\n`)
}

let values
try {
  ;({ values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean' } } }))
} catch (error) {
  console.error(
    `release-check: ${error.message}\nUsage: node scripts/release-check.mjs [--only core,docs] [--keep]`,
  )
  process.exit(2)
}
const packages = readdirSync(path.join(root, 'packages'))
  .map((folder) => ({ folder, dir: path.join(root, 'packages', folder) }))
  .filter(({ dir }) => existsSync(path.join(dir, 'package.json')))
  .map((entry) => ({
    ...entry,
    manifest: JSON.parse(readFileSync(path.join(entry.dir, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => manifest.private !== true)
const only = (values.only ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
for (const folder of only) {
  if (!packages.some((pkg) => pkg.folder === folder)) {
    console.error(
      `release-check: no published package in packages/${folder}; there are: ${packages.map((p) => p.folder).join(', ')}`,
    )
    process.exit(2)
  }
}
const checked = packages.filter((pkg) => only.length === 0 || only.includes(pkg.folder))
const packed = closure(checked)

const work = mkdtempSync(path.join(tmpdir(), 'faultline-release-'))
const packs = path.join(work, 'packs')
const project = path.join(work, 'project')
mkdirSync(packs)
mkdirSync(project)
console.log(
  `Release check of ${checked.map((pkg) => pkg.manifest.name).join(', ')} (Node ${process.version}, ${PNPM})`,
)
console.log(`  in ${work}`)

try {
  const tarballs = new Map()
  for (const pkg of packed) {
    const tarball = pack(pkg)
    if (tarball) tarballs.set(pkg.manifest.name, tarball)
  }
  if (tarballs.size === packed.length && install(tarballs)) {
    writeFileSync(path.join(project, 'catalog.ts'), catalogModule('ts'))
    writeFileSync(path.join(project, 'catalog.mjs'), catalogModule('mjs'))
    for (const pkg of checked) {
      for (const kind of ['esm', 'cjs']) smoke(pkg, kind)
      if (pkg.manifest.bin) bin(pkg)
    }
  }
} finally {
  if (values.keep) console.log(`  kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

const failed = results.filter((result) => !result.ok)
console.log(
  `\n${failed.length === 0 ? 'OK' : 'FAILED'}: ${results.length - failed.length} passed, ${failed.length} failed`,
)
for (const { name, check } of failed) console.error(`  ✗ ${name} ${check}`)
process.exitCode = failed.length === 0 ? 0 : 1

/** The packages to check plus the internal packages they depend on, dependencies first. */
function closure(selected) {
  const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]))
  const ordered = []
  const visit = (pkg) => {
    if (ordered.includes(pkg)) return
    for (const name of Object.keys(pkg.manifest.dependencies ?? {})) {
      if (byName.has(name)) visit(byName.get(name))
    }
    ordered.push(pkg)
  }
  for (const pkg of selected) visit(pkg)
  return ordered
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return {
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: `${result.stderr ?? ''}${result.error ?? ''}`,
    status: result.status,
  }
}

function pack({ manifest, dir }) {
  const name = manifest.name
  const main = manifest.exports?.['.']?.import?.default ?? manifest.main
  if (main && !existsSync(path.join(dir, main))) {
    record(name, 'pack', false, `${main} is missing: run \`pnpm build\` first`)
    return undefined
  }
  const before = new Set(readdirSync(packs))
  const result = run('npx', ['-y', PNPM, 'pack', '--pack-destination', packs], dir)
  const tarball = readdirSync(packs).find((file) => file.endsWith('.tgz') && !before.has(file))
  if (!result.ok || !tarball) {
    record(name, 'pack', false, `pnpm pack failed:\n${result.stdout}${result.stderr}`)
    return undefined
  }
  const file = path.join(packs, tarball)
  const listing = run('tar', ['-tzf', file], packs).stdout.trim().split('\n')
  const packedManifest = run('tar', ['-xOzf', file, 'package/package.json'], packs).stdout
  if (packedManifest.includes('workspace:')) {
    record(name, 'pack', false, 'the packed package.json still has a workspace: range')
    return undefined
  }
  const size = `${(statSync(file).size / 1024).toFixed(1)} kB`
  record(name, 'pack', true, `${tarball} (${listing.length} files, ${size})`)
  return file
}

function install(tarballs) {
  const dependencies = {}
  for (const [name, file] of tarballs) dependencies[name] = `file:${file}`
  // Peers (optional ones too: the trpc client helper, esbuild for the docs CLI), at the
  // version the workspace tests them with.
  for (const { manifest } of packed) {
    for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
      dependencies[peer] ??= manifest.devDependencies?.[peer] ?? range
    }
  }
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'faultline-release-check', private: true, dependencies }, null, 2)}\n`,
  )
  const flags = ['install', '--no-audit', '--no-fund', '--loglevel=error']
  let mode = 'offline'
  let result = run('npm', [...flags, '--offline'], project)
  if (!result.ok) {
    mode = 'online'
    result = run('npm', [...flags, '--prefer-offline'], project)
  }
  // Every @faultline package must come from a tarball, never from the registry.
  const lock = result.ok
    ? JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8'))
    : {}
  const strays = Object.entries(lock.packages ?? {})
    .filter(
      ([where, entry]) =>
        where.includes('node_modules/@faultline/') && !entry.resolved?.startsWith('file:'),
    )
    .map(([where, entry]) => `${where} from ${entry.resolved}`)
  if (strays.length > 0) {
    record('npm install', 'deps', false, `not from the packed tarballs: ${strays.join(', ')}`)
    return false
  }
  const peers = Object.keys(dependencies).filter((name) => !tarballs.has(name))
  const detail = `${tarballs.size} tarballs + ${peers.map((peer) => `${peer}@${dependencies[peer]}`).join(', ') || 'no peers'} (${mode})`
  record('npm install', 'deps', result.ok, result.ok ? detail : `${detail}\n${result.stderr}`)
  return result.ok
}

function smoke({ folder, manifest }, kind) {
  const spec = SMOKE[folder] ?? GENERIC
  const imports = { core: '@faultline/core', lib: manifest.name, ...spec.imports }
  const esm = kind === 'esm'
  const lines = esm
    ? [
        `import assert from 'node:assert/strict'`,
        ...Object.entries(imports).map(([id, from]) => `import * as ${id} from '${from}'`),
      ]
    : [
        `const assert = require('node:assert/strict')`,
        ...Object.entries(imports).map(([id, from]) => `const ${id} = require('${from}')`),
      ]
  const resolved = esm
    ? `import.meta.resolve('${manifest.name}')`
    : `require.resolve('${manifest.name}')`
  const script = `${lines.join('\n')}
${CATALOG}
async function main() {
    ${spec.body}
}
main().then(
  (value) => console.log(JSON.stringify({ entry: ${resolved}.split('/node_modules/').pop(), value })),
  (error) => { console.error(error); process.exitCode = 1 },
)
`
  const file = path.join(project, `smoke-${folder}.${esm ? 'mjs' : 'cjs'}`)
  writeFileSync(file, script)
  const result = run(process.execPath, [file], project)
  let detail = result.stdout.trim()
  let ok = result.ok
  try {
    // require() must get the CommonJS build and import the ESM one, not the same file twice.
    const { entry } = JSON.parse(detail)
    const commonjs = entry.endsWith('.cjs') || (entry.endsWith('.js') && manifest.type !== 'module')
    if (commonjs === esm) {
      ok = false
      detail = `resolved to ${entry}, not the ${kind} build`
    }
  } catch {
    ok = false
  }
  record(manifest.name, kind, ok, ok ? detail : `${detail}\n${result.stderr}`)
}

function bin({ manifest }) {
  const names =
    typeof manifest.bin === 'string' ? [manifest.name.split('/').pop()] : Object.keys(manifest.bin)
  for (const name of names) {
    const cli = path.join(project, 'node_modules', '.bin', name)
    // The catalog module is TypeScript that imports @faultline/core: the docs CLI bundles it.
    // Any other package's bin only has to answer --help.
    const steps =
      manifest.name !== '@faultline/docs'
        ? [['--help']]
        : [
            ['docs', 'catalog.ts', '--title', 'Release check', '--out', 'ERRORS.md'],
            ['docs', 'catalog.ts', '--title', 'Release check', '--out', 'ERRORS.md', '--check'],
            ['openapi', 'catalog.mjs', '--out', 'openapi.json'],
          ]
    const failures = steps
      .map((args) => ({ args, result: run(cli, args, project) }))
      .filter(({ result }) => !result.ok)
    let ok = failures.length === 0
    if (manifest.name !== '@faultline/docs') {
      record(
        manifest.name,
        'bin',
        failures.length === 0,
        `${name} --help ${failures.length === 0 ? 'ok' : failures[0].result.stderr}`,
      )
      continue
    }
    let detail = failures
      .map(({ args, result }) => `${name} ${args.join(' ')}: ${result.stderr}`)
      .join('\n')
    if (ok) {
      const markdown = readFileSync(path.join(project, 'ERRORS.md'), 'utf8')
      const document = JSON.parse(readFileSync(path.join(project, 'openapi.json'), 'utf8'))
      ok =
        markdown.includes('### POST_NOT_FOUND') && Boolean(document.components?.responses?.Error404)
      detail = ok
        ? `${name} docs catalog.ts (${markdown.split('\n').length} lines, --check ok), ${name} openapi catalog.mjs (${Object.keys(document.components.schemas).length} schemas)`
        : 'the generated files lack POST_NOT_FOUND'
    }
    record(manifest.name, 'bin', ok, detail)
  }
}

function catalogModule(kind) {
  const type = kind === 'ts' ? `\nexport type Code = keyof typeof errors.definitions\n` : ''
  return `import { defaultErrors, defineErrors } from '@faultline/core'

export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})
${type}`
}
