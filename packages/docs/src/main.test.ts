import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { defaultErrors, defineErrors, fields } from '@faultline/core'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { validateOpenApi } from '../test/schema-validator'
import { type CliIo, main, USAGE } from './main'
import { openApiComponents } from './openapi'
import { renderErrorReference } from './reference'

const root = path.join(import.meta.dirname, '..')
const scratch = await mkdtemp(path.join(root, 'test/.scratch-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

// The fixture's catalog, rebuilt here to compare the CLI's output with the library's.
const fixtureCatalog = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    description: 'No post has this id.',
    data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
  },
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    cwd: root,
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

describe('faultline docs', () => {
  it('prints the reference of a TypeScript module that imports workspace packages', async () => {
    const result = await cli('docs', 'test/fixtures/catalog.ts', '--title', 'Posts API errors')
    expect(result).toEqual({
      code: 0,
      stdout: renderErrorReference(fixtureCatalog, { title: 'Posts API errors' }),
      stderr: '',
    })
  })

  it('writes --out, then --check passes until the file drifts', async () => {
    const out = path.relative(root, path.join(scratch, 'docs/ERRORS.md'))
    const written = await cli('docs', 'test/fixtures/catalog.ts', '--out', out)
    expect(written).toEqual({
      code: 0,
      stdout: `Wrote ${out} (18 codes from the export "errors" of test/fixtures/catalog.ts)\n`,
      stderr: '',
    })
    expect(await readFile(path.join(root, out), 'utf8')).toBe(renderErrorReference(fixtureCatalog))

    const current = await cli('docs', 'test/fixtures/catalog.ts', '--out', out, '--check')
    expect(current).toEqual({ code: 0, stdout: `${out} is up to date (18 codes)\n`, stderr: '' })

    await writeFile(
      path.join(root, out),
      renderErrorReference(fixtureCatalog).replace('404', '410'),
    )
    const stale = await cli('docs', 'test/fixtures/catalog.ts', '--out', out, '--check')
    expect(stale).toEqual({
      code: 1,
      stdout: '',
      stderr: `faultline: ${out} is out of date; regenerate it with: faultline docs test/fixtures/catalog.ts --out ${out}\n`,
    })
  })

  it('fails --check when the file does not exist, and accepts CRLF line endings', async () => {
    const out = path.join(scratch, 'crlf.md')
    const missing = await cli('docs', 'test/fixtures/catalog.ts', '-o', out, '-c')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`${out} does not exist; regenerate it with`)
    await writeFile(out, renderErrorReference(fixtureCatalog).replaceAll('\n', '\r\n'))
    expect((await cli('docs', 'test/fixtures/catalog.ts', '-o', out, '-c')).code).toBe(0)
  })

  it('uses --export and warns when it had to choose between catalogs', async () => {
    const chosen = await cli('docs', 'test/fixtures/two-catalogs.mjs')
    expect(chosen.code).toBe(0)
    expect(chosen.stdout).toContain('### ADMIN_ONLY')
    expect(chosen.stderr).toBe(
      'faultline: using the export "admin"; pick another with --export (errors)\n',
    )
    const named = await cli('docs', 'test/fixtures/two-catalogs.mjs', '--export', 'errors')
    expect([named.code, named.stderr, named.stdout.includes('### TEAPOT')]).toEqual([0, '', true])
  })

  it('exits 1 with one clear line when the module cannot be used', async () => {
    expect(await cli('docs', 'test/fixtures/missing.ts')).toEqual({
      code: 1,
      stdout: '',
      stderr: `faultline: Cannot find the module test/fixtures/missing.ts (${root}/test/fixtures/missing.ts)\n`,
    })
    const none = await cli('docs', 'test/fixtures/no-catalog.mjs')
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/^faultline: .*no-catalog\.mjs exports no error catalog/)
  })
})

describe('faultline openapi', () => {
  it('writes a valid OpenAPI 3.1 document holding the components, with no paths', async () => {
    const out = path.join(scratch, 'components.json')
    const result = await cli('openapi', 'test/fixtures/catalog.ts', '--out', out)
    expect(result.code).toBe(0)
    const document = JSON.parse(await readFile(out, 'utf8'))
    expect(document).toEqual({
      openapi: '3.1.0',
      info: { title: 'Errors', version: '1.0.0' },
      paths: {},
      components: openApiComponents(fixtureCatalog),
    })
    expect(await validateOpenApi(document)).toEqual({ valid: true })
    expect((await cli('openapi', 'test/fixtures/catalog.ts', '-o', out, '--check')).code).toBe(0)
  })

  it('merges the components into an existing document with --merge', async () => {
    const spec = path.join(scratch, 'openapi.json')
    const paths = {
      '/posts/{id}': {
        get: { responses: { '404': { $ref: '#/components/responses/Error404' } } },
      },
    }
    await writeFile(
      spec,
      JSON.stringify({ openapi: '3.1.0', info: { title: 'Posts', version: '2' }, paths }),
    )
    const result = await cli('openapi', 'test/fixtures/catalog.ts', '--merge', spec)
    expect(result.code).toBe(0)
    const merged = JSON.parse(result.stdout)
    expect(merged.info).toEqual({ title: 'Posts', version: '2' })
    expect(merged.paths).toEqual(paths)
    expect(await validateOpenApi(merged)).toEqual({ valid: true })

    await writeFile(spec, '{"swagger": "2.0"}')
    expect((await cli('openapi', 'test/fixtures/catalog.ts', '--merge', spec)).stderr).toBe(
      `faultline: ${spec} is not an OpenAPI document\n`,
    )
  })
})

describe('the command line', () => {
  it('prints the usage with --help', async () => {
    expect(await cli('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' })
  })

  it('exits 2 with the usage for a wrong command line', async () => {
    const cases = [
      [[], 'Missing a command'],
      [['serve'], 'Unknown command "serve"'],
      [['docs'], 'Missing the module holding the catalog'],
      [['docs', 'a.ts', 'b.ts'], 'Unexpected argument "b.ts"'],
      [['docs', 'a.ts', '--check'], '--check needs --out'],
      [['docs', 'a.ts', '--merge', 'x.json'], '--merge is an option of the openapi command'],
      [['docs', 'a.ts', '--watch'], "Unknown option '--watch'"],
    ] as const
    for (const [argv, message] of cases) {
      const result = await cli(...argv)
      expect(result.code).toBe(2)
      expect(result.stderr.startsWith(`faultline: ${message}`)).toBe(true)
      expect(result.stderr.endsWith(USAGE)).toBe(true)
    }
  })

  it('runs as a real node process with its #! line, and sets the exit code', async () => {
    const bin = path.join(scratch, 'cli.mjs')
    await build({
      entryPoints: [path.join(root, 'src/cli.ts')],
      outfile: bin,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    })
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true)
    const run = promisify(execFile)
    const { stdout } = await run('node', [bin, 'docs', 'test/fixtures/catalog.ts'], { cwd: root })
    expect(stdout).toBe(renderErrorReference(fixtureCatalog))
    const failed = await run('node', [bin, 'docs', 'nope.ts'], { cwd: root }).catch((e) => e)
    expect([failed.code, failed.stderr]).toEqual([
      1,
      `faultline: Cannot find the module nope.ts (${root}/nope.ts)\n`,
    ])
  })
})
