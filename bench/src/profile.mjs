// `node --cpu-prof src/profile.mjs <case id> [seconds]`: runs one speed case in a loop so that
// a CPU profile shows where its time goes; `node src/profile.mjs --top <file.cpuprofile>` prints
// the functions with the most self time.
import { readFileSync } from 'node:fs'
import { speedCases } from './cases.mjs'

const [what, arg] = process.argv.slice(2)
if (what === '--top') {
  /** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[] }} */
  const profile = JSON.parse(readFileSync(/** @type {string} */ (arg), 'utf8'))
  /** @type {Map<number, string>} */
  const names = new Map()
  for (const { id, callFrame: f } of profile.nodes) {
    const file = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/packages\//, '')
    names.set(id, `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`)
  }
  /** @type {Map<number, number>} */
  const parent = new Map()
  for (const node of /** @type {{ id: number, children?: number[] }[]} */ (profile.nodes)) {
    for (const child of node.children ?? []) parent.set(child, node.id)
  }
  /** @type {Map<string, number>} */
  const self = new Map()
  /** @type {Map<string, number>} */
  const inclusive = new Map()
  let total = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    const name = names.get(id) ?? '?'
    self.set(name, (self.get(name) ?? 0) + dt)
    const seen = new Set()
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const frame = names.get(at) ?? '?'
      if (!seen.has(frame)) inclusive.set(frame, (inclusive.get(frame) ?? 0) + dt)
      seen.add(frame)
    }
    total += dt
  })
  const top = (/** @type {Map<string, number>} */ map, /** @type {number} */ n) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log('self time')
  for (const [name, us] of top(self, 25)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
  }
  console.log('total time (self + callees)')
  for (const [name, us] of top(inclusive, 45)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
  }
} else {
  const c = (await speedCases()).find((x) => x.id === what)
  if (!c) throw new Error(`No case ${what}`)
  const until = Date.now() + 1000 * Number(arg ?? 5)
  let n = 0
  while (Date.now() < until) {
    for (let i = 0; i < 1000; i++) await (await c.request()).text()
    n += 1000
  }
  console.log(`${what}: ${n} requests`)
}
