// Bytes on the edge: Workers entry files bundled the way Wrangler would (minified ESM for the
// worker/browser conditions), measured raw and gzip -9, and compared with their baseline.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const ENTRIES = join(import.meta.dirname, 'entries')
const PACKAGES = join(import.meta.dirname, '..', '..', 'packages')

/**
 * @typedef {object} SizeEntry
 * @property {string} id the entry file's name, without `.js`
 * @property {string} name what it holds
 * @property {string} [baseline] the id its delta is taken over
 */

/** @type {SizeEntry[]} every entry, in report order */
export const SIZE_ENTRIES = [
  { id: 'hono-bare', name: 'Hono hello-world (baseline)' },
  { id: 'hono-hand-written', name: 'Hono + hand-written onError', baseline: 'hono-bare' },
  { id: 'hono-http-errors', name: 'Hono + http-errors', baseline: 'hono-bare' },
  { id: 'hono-boom', name: 'Hono + @hapi/boom', baseline: 'hono-bare' },
  {
    id: 'hono-faultline',
    name: 'Hono + Faultline, the README setup: boundary, onError, notFound',
    baseline: 'hono-bare',
  },
  {
    id: 'hono-faultline-problem',
    name: 'the Hono setup + Problem Details (`problemDetails`)',
    baseline: 'hono-faultline',
  },
  {
    id: 'hono-faultline-validator',
    name: "the Hono setup + a JSON body through the adapter's `validator`",
    baseline: 'hono-faultline',
  },
  { id: 'trpc-bare', name: 'tRPC fetch router (baseline)' },
  {
    id: 'trpc-faultline',
    name: 'tRPC fetch router + Faultline, the README setup (createTRPCErrors)',
    baseline: 'trpc-bare',
  },
  { id: 'fetch-bare', name: 'bare Worker returning Response.json (baseline)' },
  { id: 'fetch-faultline', name: 'Worker + Faultline core + withErrors', baseline: 'fetch-bare' },
  {
    id: 'fetch-faultline-readjson',
    name: 'the withErrors Worker + a JSON body through `readJson` and a schema',
    baseline: 'fetch-faultline',
  },
  { id: 'core-handle-error', name: 'Faultline core alone: catalog + handleError' },
  { id: 'core-wire', name: 'Faultline core: wire types + isApiError only' },
]

/**
 * @typedef {object} SizeResult
 * @property {number} raw minified bytes
 * @property {number} gzip gzip -9 bytes
 * @property {{ path: string, bytes: number }[]} inputs bytes each input file left in the output
 */

/**
 * Bundles one entry file and measures it. With `fromSource`, the Faultline packages are bundled
 * from their TypeScript sources instead of their single-file `dist`, so that the metafile tells
 * which source module leaves how many bytes (the sizes differ a little from the dist build).
 * @param {string} id
 * @param {{ fromSource?: boolean }} [options]
 * @returns {Promise<SizeResult>}
 */
export function measureEntry(id, options = {}) {
  const alias = options.fromSource
    ? Object.fromEntries([
        ...['core', 'fetch', 'hono', 'trpc'].map((name) => [
          `@faultline/${name}`,
          join(PACKAGES, name, 'src', 'index.ts'),
        ]),
        ['@faultline/core/adapter', join(PACKAGES, 'core', 'src', 'adapter.ts')],
      ])
    : {}
  return bundle(id, alias)
}

/**
 * @param {string} id
 * @param {Record<string, string>} alias
 * @returns {Promise<SizeResult>}
 */
async function bundle(id, alias) {
  const result = await build({
    // metafile paths are relative to this: fixed, so that they do not depend on the caller's cwd
    absWorkingDir: join(import.meta.dirname, '..'),
    alias,
    entryPoints: [join(ENTRIES, `${id}.js`)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).contents
  const output = /** @type {import('esbuild').Metafile['outputs'][string]} */ (
    Object.values(result.metafile.outputs)[0]
  )
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: shorten(path), bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs }
}

/**
 * Measures every entry, with deltas over their baselines.
 * @returns {Promise<(SizeEntry & SizeResult & { delta?: { raw: number, gzip: number } })[]>}
 */
export async function measureAll() {
  /** @type {Record<string, SizeResult>} */
  const sizes = {}
  for (const entry of SIZE_ENTRIES) sizes[entry.id] = await measureEntry(entry.id)
  return SIZE_ENTRIES.map((entry) => {
    const size = /** @type {SizeResult} */ (sizes[entry.id])
    const base = entry.baseline ? sizes[entry.baseline] : undefined
    const delta = base && { raw: size.raw - base.raw, gzip: size.gzip - base.gzip }
    return { ...entry, ...size, ...(delta ? { delta } : {}) }
  })
}

/** @param {string} path */
function shorten(path) {
  const pnpm = path.lastIndexOf('node_modules/')
  if (pnpm >= 0) return path.slice(pnpm + 'node_modules/'.length)
  return path.replace(/^(\.\.\/)+/, '')
}

/**
 * What each top-level function of core's `dist` costs an entry: the entry is bundled once per
 * function with that function's body emptied, and the bytes saved (the function plus whatever
 * only it uses) are reported, biggest first.
 * @param {string} id an entry that imports `@faultline/core`
 * @returns {Promise<{ name: string, raw: number, gzip: number }[]>}
 */
export async function attributeCore(id) {
  // core's code sits in the chunk its two entries (main and /adapter) share
  const dist = join(PACKAGES, 'core', 'dist')
  const chunk = /from "\.\/(chunk-\w+\.js)"/.exec(readFileSync(join(dist, 'index.js'), 'utf8'))?.[1]
  if (!chunk) throw new Error("core's dist/index.js imports no chunk: build core first")
  const source = readFileSync(join(dist, chunk), 'utf8')
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'))
  try {
    const measure = async (/** @type {string} */ code) => {
      const copy = join(dir, Math.random().toString(36).slice(2))
      cpSync(dist, copy, { recursive: true })
      writeFileSync(join(copy, chunk), code)
      const { raw, gzip } = await bundle(id, {
        '@faultline/core/adapter': join(copy, 'adapter.js'),
        '@faultline/core': join(copy, 'index.js'),
      })
      return { raw, gzip }
    }
    const base = await measure(source)
    const functions = [...source.matchAll(/^function (\w+)\((.*)\) \{\n[\s\S]*?\n\}\n/gm)]
    const saved = []
    for (const [whole, name, params] of functions) {
      const stubbed = source.replace(whole, `function ${name}(${params}) { return void 0 }\n`)
      const size = await measure(stubbed)
      saved.push({ name: String(name), raw: base.raw - size.raw, gzip: base.gzip - size.gzip })
    }
    return saved.filter((s) => s.raw > 0).sort((a, b) => b.gzip - a.gzip)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
