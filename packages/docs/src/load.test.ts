import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadCatalog } from './load'

const fixtures = path.join(import.meta.dirname, '../test/fixtures')
const fixture = (name: string) => path.join(fixtures, name)
const scratch = await mkdtemp(path.join(import.meta.dirname, '../test/.scratch-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

describe('loadCatalog', () => {
  it('bundles a TypeScript module with its relative and workspace imports, then cleans up', async () => {
    const before = await readdir(fixtures)
    const { catalog, exportName, others } = await loadCatalog(fixture('catalog.ts'))
    expect(exportName).toBe('errors')
    expect(others).toEqual([])
    expect(catalog.create('POST_NOT_FOUND', { data: { postId: '7' } }).toJSON()).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'Post not found',
      data: { postId: '7' },
    })
    expect(await readdir(fixtures)).toEqual(before)
  })

  it('takes the first catalog export in alphabetical order, and names the others', async () => {
    const loaded = await loadCatalog(fixture('two-catalogs.mjs'))
    expect(loaded.exportName).toBe('admin')
    expect(loaded.others).toEqual(['errors'])
    const named = await loadCatalog(fixture('two-catalogs.mjs'), { exportName: 'errors' })
    expect(Object.keys(named.catalog.definitions)).toEqual(['TEAPOT'])
  })

  it('prefers the default export when it is a catalog', async () => {
    const { catalog, exportName, others } = await loadCatalog(fixture('default-export.mjs'))
    expect([exportName, Object.keys(catalog.definitions), others]).toEqual([
      'default',
      ['CHOSEN'],
      ['aaa'],
    ])
  })

  it('finds the catalog of a CommonJS module', async () => {
    const { catalog, exportName } = await loadCatalog(fixture('commonjs.cjs'))
    expect(exportName).toBe('errors')
    expect(Object.keys(catalog.definitions)).toEqual(['GONE'])
  })

  it('says clearly when the module is missing', async () => {
    await expect(loadCatalog('test/fixtures/nope.ts')).rejects.toThrow(
      /^Cannot find the module test\/fixtures\/nope\.ts \(\/.*\/nope\.ts\)$/,
    )
  })

  it('says clearly when no export is a catalog, or the named one is not', async () => {
    await expect(loadCatalog(fixture('no-catalog.mjs'))).rejects.toThrow(
      'exports no error catalog: export the result of defineErrors(...), or name the export with --export',
    )
    await expect(
      loadCatalog(fixture('two-catalogs.mjs'), { exportName: 'settings' }),
    ).rejects.toThrow(
      `The export "settings" of ${fixture('two-catalogs.mjs')} is not an error catalog (one made with defineErrors); its catalog exports: admin, errors`,
    )
    await expect(
      loadCatalog(fixture('two-catalogs.mjs'), { exportName: 'missing' }),
    ).rejects.toThrow('has no export named "missing"; its catalog exports: admin, errors')
  })

  it('says how to get esbuild when a TypeScript module needs it', async () => {
    const esbuild = () => Promise.reject(new Error("Cannot find package 'esbuild'"))
    await expect(loadCatalog(fixture('catalog.ts'), { esbuild })).rejects.toThrow(
      'needs esbuild, which is not installed: run `npm install --save-dev esbuild`, or point faultline at a built .js module',
    )
  })

  it('reports a module that does not parse, and leaves no bundle behind', async () => {
    const file = path.join(scratch, 'broken.ts')
    await writeFile(file, 'export const errors = defineErrors({\n')
    await expect(loadCatalog(file)).rejects.toThrow(/^Could not bundle .*broken\.ts: Build failed/)
    expect(await readdir(scratch)).toEqual(['broken.ts'])
  })

  it('reports a module that throws when imported', async () => {
    const file = path.join(scratch, 'throws.mjs')
    await writeFile(file, "throw new Error('no DATABASE_URL')\n")
    await expect(loadCatalog(file)).rejects.toThrow(
      /^Could not import .*throws\.mjs: no DATABASE_URL$/,
    )
  })
})
