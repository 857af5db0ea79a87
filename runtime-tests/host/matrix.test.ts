import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases } from '../src/cases'
import { type Bundles, buildBundles } from './build'
import { expectedRuntime, RUNTIME_TIMEOUT_MS, runOn, runtimes } from './runtimes'

// A folder of its own, so that a `pnpm run matrix` at the same time cannot swap the files.
const outdir = mkdtempSync(join(tmpdir(), 'faultline-matrix-'))
let bundles: Bundles

beforeAll(async () => {
  bundles = await buildBundles(outdir)
}, 60_000)

afterAll(() => rmSync(outdir, { recursive: true, force: true }))

describe.concurrent('the conformance suite, bundled', () => {
  it.each(runtimes)(
    'passes every case on %s',
    async (runtime) => {
      const result = await runOn(runtime, bundles)
      const { name, major } = expectedRuntime[runtime]
      expect(result.runtime.name).toBe(name)
      if (major) expect(result.runtime.version.split('.')[0]).toBe(major)
      // On failure the diff lists every failing case with what differed.
      expect(result.failures).toEqual([])
      expect([result.total, result.passed]).toEqual([cases.length, cases.length])
    },
    RUNTIME_TIMEOUT_MS,
  )
})
