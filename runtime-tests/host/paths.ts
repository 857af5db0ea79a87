import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of this package, found from wherever this module was bundled to. */
export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

/** Where the bundles and runner scripts go (ignored by git). */
export const distDir = join(packageRoot, 'dist')

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === '@faultline/runtime-tests'
    ) {
      return dir
    }
    if (dirname(dir) === dir) throw new Error(`@faultline/runtime-tests not found above ${from}`)
  }
}

/**
 * The machine's Node 20. Inside this package's scripts a bare `node` is the `node24` package
 * (its `node_modules/.bin/node`), so this is the running Node when it is 20, else the first
 * `node` on PATH outside any `node_modules`.
 */
export function systemNode(): string {
  if (process.versions.node.startsWith('20.')) return process.execPath
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue
    const candidate = join(dir, 'node')
    if (isExecutable(candidate)) return candidate
  }
  return process.execPath
}

/** The binary of a runtime installed as a package, with the `.bin` shim as a fallback. */
export function packageBinary(name: 'node24' | 'bun' | 'deno'): string {
  const direct = {
    node24: 'node_modules/node24/bin/node',
    bun: 'node_modules/bun/bin/bun.exe',
    deno: 'node_modules/deno/deno',
  }[name]
  const path = join(packageRoot, direct)
  if (isExecutable(path)) return path
  return join(packageRoot, 'node_modules/.bin', name === 'node24' ? 'node' : name)
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
