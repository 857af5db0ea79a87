// The machine and the versions every figure was measured with.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'

const BENCH = join(import.meta.dirname, '..')

/** The libraries measured, read from the installed copies. */
export const LIBRARIES = [
  '@faultline/core',
  '@faultline/fetch',
  '@faultline/hono',
  '@faultline/trpc',
  'hono',
  '@trpc/server',
  'http-errors',
  '@hapi/boom',
  'mitata',
  'esbuild',
  'typescript',
]

/** @param {string} name */
function versionOf(name) {
  for (const base of [join(BENCH, 'node_modules'), join(BENCH, '..', 'node_modules')]) {
    try {
      return JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')).version
    } catch {
      // not installed here: try the root
    }
  }
  return 'not installed'
}

/** @param {string[]} args */
function git(args) {
  try {
    return execFileSync('git', args, { cwd: BENCH, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

/** What RESULTS.md says about where and with what it was measured. */
export function machine() {
  const cpu = cpus()
  const dirty = git(['status', '--porcelain', '--', '../packages']).split('\n').filter(Boolean)
  return {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()} ${process.arch}`,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommitted: dirty.length,
    versions: Object.fromEntries(LIBRARIES.map((name) => [name, versionOf(name)])),
  }
}
