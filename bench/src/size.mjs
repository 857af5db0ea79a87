// `pnpm bench:size`: measures every entry, pins core's bytes on modules and functions, and saves
// the figures for RESULTS.md.
import { writeResult } from './results.mjs'
import { attributeCore, measureAll, measureEntry } from './sizes.mjs'

const entries = await measureAll()

// Which source module leaves how many bytes, for core alone and for the Hono entry.
const core = await measureEntry('core-handle-error', { fromSource: true })
const hono = await measureEntry('hono-faultline', { fromSource: true })
const faultline = (/** @type {string} */ path) => path.startsWith('packages/')
/** @type {Map<string, { path: string, core?: number, hono?: number }>} */
const modules = new Map()
for (const input of core.inputs.filter((i) => faultline(i.path))) {
  modules.set(input.path, { path: input.path, core: input.bytes })
}
for (const input of hono.inputs.filter((i) => faultline(i.path))) {
  modules.set(input.path, { ...modules.get(input.path), path: input.path, hono: input.bytes })
}

const functions = await attributeCore('core-handle-error')

writeResult('size', { entries, modules: [...modules.values()], functions })
for (const e of entries) {
  const delta = e.delta ? `  Δ ${e.delta.raw} raw, ${e.delta.gzip} gzip` : ''
  console.log(
    `${e.id.padEnd(26)} ${String(e.raw).padStart(7)} raw ${String(e.gzip).padStart(6)} gzip${delta}`,
  )
}
