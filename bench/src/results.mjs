import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { machine } from './machine.mjs'

/** Where each part of the benchmark leaves its figures (committed next to RESULTS.md). */
export const RESULTS_DIR = join(import.meta.dirname, '..', 'results')

/**
 * Saves the figures of a part with the machine and versions they were measured on.
 * @param {string} part @param {object} data
 */
export function writeResult(part, data) {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const result = { machine: machine(), ...data }
  writeFileSync(join(RESULTS_DIR, `${part}.json`), `${JSON.stringify(result, null, 2)}\n`)
}

/** @param {string} part @returns {any} the figures of a part, or undefined if it never ran */
export function readResult(part) {
  try {
    return JSON.parse(readFileSync(join(RESULTS_DIR, `${part}.json`), 'utf8'))
  } catch {
    return undefined
  }
}
