import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Catalog } from '@faultline/core'
import { openApiDocument } from './document'
import { formatJson } from './json'
import { CliError, type LoadOptions, loadCatalog } from './load'
import { withErrorComponents } from './merge'
import { renderErrorReference } from './reference'

/** Where the CLI reads and writes: the process by default, captured in tests. */
export interface CliIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly esbuild?: LoadOptions['esbuild']
}

export const USAGE = `Usage:
  faultline docs <module> [--export <name>] [--title <text>] [--out <file> [--check]]
  faultline openapi <module> [--export <name>] [--title <text>] [--merge <openapi.json>] [--out <file> [--check]]

Commands:
  docs      Render the catalog as a Markdown error reference
  openapi   Render the catalog as OpenAPI 3.1 components (a document with no paths, or merged into --merge)

Options:
  -e, --export <name>   The export holding the catalog (default: the first export that is one)
  -t, --title <text>    The reference's title, or the minimal document's info.title
  -m, --merge <file>    openapi: add the components to this OpenAPI 3.1 JSON document
  -o, --out <file>      Write to a file instead of stdout
  -c, --check           With --out: write nothing, exit 1 if the file is not what would be written
  -h, --help            Show this help

A .ts/.mts module is bundled with esbuild (an optional peer) before it is imported.
`

/**
 * Runs the CLI with its arguments (without `node` and the script) and returns the exit code:
 * 0 on success, 1 on a failure or a stale file under `--check`, 2 for a wrong command line.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    io.stderr(`faultline: ${error.message}\n`)
    if (error.exitCode === 2) io.stderr(`\n${USAGE}`)
    return error.exitCode
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv)
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  const [command, module, ...rest] = positionals
  if (command !== 'docs' && command !== 'openapi') {
    throw new CliError(command ? `Unknown command "${command}"` : 'Missing a command', 2)
  }
  if (module === undefined) throw new CliError(`Missing the module holding the catalog`, 2)
  if (rest.length > 0) throw new CliError(`Unexpected argument "${rest[0]}"`, 2)
  if (values.check && values.out === undefined) throw new CliError('--check needs --out', 2)
  if (values.merge !== undefined && command === 'docs') {
    throw new CliError('--merge is an option of the openapi command', 2)
  }

  const { catalog, exportName, others } = await loadCatalog(module, {
    exportName: values.export,
    esbuild: io.esbuild,
    cwd: io.cwd,
  })
  if (others.length > 0) {
    io.stderr(
      `faultline: using the export "${exportName}"; pick another with --export (${others.join(', ')})\n`,
    )
  }
  const output =
    command === 'docs'
      ? renderErrorReference(catalog, { title: values.title })
      : await openApi(catalog, io, values.title, values.merge)
  if (values.out === undefined) {
    io.stdout(output)
    return 0
  }
  const out = path.resolve(io.cwd, values.out)
  const codes = Object.keys(catalog.definitions).length
  if (values.check) {
    const current = await readFile(out, 'utf8').catch(() => undefined)
    if (current?.replace(/\r\n/g, '\n') === output) {
      io.stdout(`${values.out} is up to date (${codes} codes)\n`)
      return 0
    }
    const again = ['faultline', ...argv.filter((arg) => arg !== '--check' && arg !== '-c')]
    const state = current === undefined ? 'does not exist' : 'is out of date'
    io.stderr(`faultline: ${values.out} ${state}; regenerate it with: ${again.join(' ')}\n`)
    return 1
  }
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(out, output)
  io.stdout(`Wrote ${values.out} (${codes} codes from the export "${exportName}" of ${module})\n`)
  return 0
}

async function openApi(
  catalog: Catalog,
  io: CliIo,
  title = 'Errors',
  merge: string | undefined,
): Promise<string> {
  let document: object
  if (merge === undefined) {
    document = openApiDocument(catalog, { info: { title, version: '1.0.0' } })
  } else {
    const text = await readFile(path.resolve(io.cwd, merge), 'utf8').catch(() => {
      throw new CliError(`Cannot read the OpenAPI document ${merge}`)
    })
    const parsed = parseJson(text, merge)
    try {
      document = withErrorComponents(parsed, { catalog: catalog })
    } catch (error) {
      throw new CliError(`Cannot merge into ${merge}: ${(error as Error).message}`)
    }
  }
  return formatJson(document)
}

function parseJson(text: string, file: string): { openapi: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`)
  }
  const version = (parsed as { openapi?: unknown } | null)?.openapi
  if (typeof version !== 'string') throw new CliError(`${file} is not an OpenAPI document`)
  return parsed as { openapi: string }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        export: { type: 'string', short: 'e' },
        title: { type: 'string', short: 't' },
        merge: { type: 'string', short: 'm' },
        out: { type: 'string', short: 'o' },
        check: { type: 'boolean', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new CliError((error as Error).message, 2)
  }
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }
}
