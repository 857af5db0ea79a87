import path from 'node:path'
import { build } from 'esbuild'
import { expect, it } from 'vitest'

// An app serves its OpenAPI document from the Worker itself (`/openapi.json`): the library entry
// must bundle for a runtime without Node's modules (the CLI is a separate entry).
it('bundles for a Worker, with no Node module in the library entry', async () => {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'index.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    metafile: true,
  })
  const inputs = Object.keys(result.metafile.inputs)
  expect(inputs.filter((input) => input.startsWith('node:') || input.includes('load.ts'))).toEqual(
    [],
  )
  expect(inputs.some((input) => input.endsWith('document.ts'))).toBe(true)
})
