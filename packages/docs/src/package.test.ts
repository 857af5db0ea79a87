import { expect, it } from 'vitest'
import * as docs from './index'

it('exports exactly the public API', () => {
  expect(Object.keys(docs).sort()).toMatchInlineSnapshot(`
    [
      "errorResponses",
      "openApiComponents",
      "openApiDocument",
      "renderErrorReference",
      "withErrorComponents",
    ]
  `)
})

// pnpm links a workspace package's bin at install time, before anything is built: a bin that
// points into dist/ is skipped on a fresh clone ("Failed to create bin") and `faultline` is
// then missing for the demo's `check`. The bin must be a committed file that loads dist/ when run.
it('declares a bin that exists before the package is built', async () => {
  const { readFile, stat } = await import('node:fs/promises')
  const root = new URL('../', import.meta.url)
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'))
  const bin: string = manifest.bin.faultline
  expect(bin.startsWith('./dist/')).toBe(false)
  expect(manifest.files).toContain(bin.replace(/^\.\//, '').split('/')[0])
  const file = new URL(bin, root)
  expect((await stat(file)).mode & 0o111).not.toBe(0)
  const source = await readFile(file, 'utf8')
  expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true)
  expect(source).toContain("'../dist/cli.js'")
})
