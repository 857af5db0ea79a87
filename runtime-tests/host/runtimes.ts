import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { EdgeVM } from '@edge-runtime/vm'
import type { RunResult } from '../src/run'
import { type Bundles, IIFE_GLOBAL } from './build'
import { packageBinary, packageRoot, systemNode } from './paths'

/** The runtimes the host runs the bundle on (workerd has its own vitest project). */
export const runtimes = ['node20', 'node24', 'bun', 'deno', 'edge-runtime'] as const

/** One of {@link runtimes}. */
export type RuntimeName = (typeof runtimes)[number]

/** The runtime each target must report from inside, and the major version where it matters. */
export const expectedRuntime: Record<RuntimeName, { name: string; major?: string }> = {
  node20: { name: 'node', major: '20' },
  node24: { name: 'node', major: '24' },
  bun: { name: 'bun' },
  deno: { name: 'deno' },
  'edge-runtime': { name: 'edge-runtime' },
}

/** How long one runtime may take, start-up included. */
export const RUNTIME_TIMEOUT_MS = 60_000

/** Runs the whole suite on one runtime and returns what it reported. */
export function runOn(runtime: RuntimeName, bundles: Bundles): Promise<RunResult> {
  switch (runtime) {
    case 'node20':
      return spawnRunner(systemNode(), [bundles.main], bundles)
    case 'node24':
      return spawnRunner(packageBinary('node24'), [bundles.main], bundles)
    case 'bun':
      return spawnRunner(packageBinary('bun'), ['run', '--no-install', bundles.main], bundles)
    case 'deno':
      return runDeno(bundles)
    case 'edge-runtime':
      return runEdge(bundles)
  }
}

async function runDeno(bundles: Bundles): Promise<RunResult> {
  // A throwaway cache: nothing is downloaded (no npm: or jsr: specifiers, no remote imports,
  // no config or lockfile read), and nothing is left behind.
  const denoDir = mkdtempSync(join(tmpdir(), 'faultline-deno-'))
  try {
    const args = ['run', '--allow-read', '--no-config', '--no-lock', '--no-remote', '--no-npm']
    return await spawnRunner(packageBinary('deno'), [...args, bundles.main], bundles, {
      DENO_DIR: denoDir,
      DENO_NO_UPDATE_CHECK: '1',
      DENO_NO_PROMPT: '1',
    })
  } finally {
    rmSync(denoDir, { recursive: true, force: true })
  }
}

async function runEdge(bundles: Bundles): Promise<RunResult> {
  const vm = new EdgeVM()
  vm.evaluate(readFileSync(bundles.iife, 'utf8'))
  // JSON across the realm boundary, as the other runtimes send it over stdout.
  const json = await vm.evaluate<Promise<string>>(
    `globalThis.${IIFE_GLOBAL}.run().then((result) => JSON.stringify(result))`,
  )
  const result = JSON.parse(json) as RunResult
  // Inside, `EdgeRuntime` is only a name; the version worth reporting is the VM package's.
  const { version } = createRequire(join(packageRoot, 'package.json'))(
    '@edge-runtime/vm/package.json',
  )
  return { ...result, runtime: { ...result.runtime, version: `vm ${version}` } }
}

function spawnRunner(
  command: string,
  args: string[],
  bundles: Bundles,
  env: Record<string, string> = {},
): Promise<RunResult> {
  const base = { ...process.env }
  // The same start on every runtime: no inherited loaders, NODE_ENV unset (as on workerd).
  delete base.NODE_OPTIONS
  delete base.NODE_ENV
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: dirname(bundles.main),
        env: { ...base, DO_NOT_TRACK: '1', NO_COLOR: '1', ...env },
        timeout: RUNTIME_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1) ?? ''
        try {
          if (error) throw error
          resolve(JSON.parse(line) as RunResult)
        } catch (cause) {
          const detail = `${String(cause)}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`
          reject(new Error(`${command} ${args.join(' ')} failed: ${detail}`))
        }
      },
    )
  })
}
