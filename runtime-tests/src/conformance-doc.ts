import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The committed table of odd requests, one section per set of surfaces. */
export const CONFORMANCE = path.resolve(import.meta.dirname, '../CONFORMANCE.md')

/**
 * Checks one section of CONFORMANCE.md against a freshly generated table: returns the committed
 * section, or writes the new one when `CONFORMANCE_WRITE=1` (then returns it).
 */
export function committedSection(name: string, generated: string): string {
  const text = readFileSync(CONFORMANCE, 'utf8')
  const start = `<!-- table:${name} -->\n`
  const end = `<!-- /table:${name} -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`CONFORMANCE.md has no section ${name}`)
  if (process.env.CONFORMANCE_WRITE === '1') {
    writeFileSync(CONFORMANCE, text.slice(0, from + start.length) + generated + text.slice(to))
    return generated
  }
  return text.slice(from + start.length, to)
}
