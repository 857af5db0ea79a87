import { randomUUID } from 'node:crypto'
import { rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Catalog } from '@faultline/core'

type Esbuild = typeof import('esbuild')

/** An error the CLI reports as one line, with its exit code (2 for a wrong command line). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** How {@link loadCatalog} finds the catalog. */
export interface LoadOptions {
  /**
   * The export holding the catalog. By default: `default` if it is a catalog, else the first
   * export that looks like one (has `definitions` and `create`), in alphabetical order.
   */
  readonly exportName?: string
  /** Loads esbuild, the optional peer that bundles TypeScript modules. */
  readonly esbuild?: () => Promise<Esbuild>
  /** The directory a relative path starts from. Defaults to the process's. */
  readonly cwd?: string
}

/** The catalog found in a module, the export it came from, and other catalog exports. */
export interface LoadedCatalog {
  readonly catalog: Catalog
  readonly exportName: string
  readonly others: readonly string[]
}

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/

/**
 * Imports a module and finds its catalog. TypeScript modules are bundled first with esbuild
 * into a temporary `.mjs` beside them (so their bare imports resolve from the same
 * `node_modules`), which is deleted once imported.
 */
export async function loadCatalog(file: string, options: LoadOptions = {}): Promise<LoadedCatalog> {
  const absolute = path.resolve(options.cwd ?? process.cwd(), file)
  const found = await stat(absolute).catch(() => undefined)
  if (!found?.isFile()) throw new CliError(`Cannot find the module ${file} (${absolute})`)
  const namespace = TYPESCRIPT.test(absolute)
    ? await importTypeScript(file, absolute, options.esbuild ?? (() => import('esbuild')))
    : await importModule(file, absolute)
  return pickCatalog(namespace, file, options.exportName)
}

function isCatalog(value: unknown): value is Catalog {
  const candidate = value as Partial<Catalog> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.create === 'function' &&
    typeof candidate.definitions === 'object' &&
    candidate.definitions !== null
  )
}

function pickCatalog(
  namespace: Record<string, unknown>,
  file: string,
  exportName: string | undefined,
): LoadedCatalog {
  // A CommonJS module's exports arrive as `default`; look inside when nothing else matches.
  let exports = namespace
  const fallback = namespace.default
  if (!Object.values(namespace).some(isCatalog) && typeof fallback === 'object' && fallback) {
    exports = fallback as Record<string, unknown>
  }
  // Node lists a module namespace alphabetically; sorting keeps other loaders (Vite) in line.
  const names = Object.keys(exports)
    .filter((name) => isCatalog(exports[name]))
    .sort()
  if (exportName !== undefined) {
    if (!Object.hasOwn(exports, exportName)) {
      throw new CliError(`${file} has no export named "${exportName}"${listed(names)}`)
    }
    if (!isCatalog(exports[exportName])) {
      throw new CliError(
        `The export "${exportName}" of ${file} is not an error catalog (one made with defineErrors)${listed(names)}`,
      )
    }
    return { catalog: exports[exportName], exportName, others: [] }
  }
  const chosen = names.includes('default') ? 'default' : names[0]
  if (chosen === undefined) {
    throw new CliError(
      `${file} exports no error catalog: export the result of defineErrors(...), or name the export with --export`,
    )
  }
  const catalog = exports[chosen] as Catalog
  const others = names.filter((name) => name !== chosen && exports[name] !== catalog)
  return { catalog, exportName: chosen, others }
}

function listed(names: readonly string[]): string {
  return names.length === 0
    ? ', and exports no catalog'
    : `; its catalog exports: ${names.join(', ')}`
}

async function importModule(file: string, absolute: string): Promise<Record<string, unknown>> {
  try {
    return await import(/* @vite-ignore */ pathToFileURL(absolute).href)
  } catch (error) {
    throw new CliError(`Could not import ${file}: ${messageOf(error)}`)
  }
}

async function importTypeScript(
  file: string,
  absolute: string,
  load: () => Promise<Esbuild>,
): Promise<Record<string, unknown>> {
  let esbuild: Esbuild
  try {
    esbuild = await load()
  } catch {
    throw new CliError(
      `Loading the TypeScript module ${file} needs esbuild, which is not installed: run \`npm install --save-dev esbuild\`, or point faultline at a built .js module`,
    )
  }
  const bundle = path.join(
    path.dirname(absolute),
    `.${path.basename(absolute)}.faultline-${randomUUID().slice(0, 8)}.mjs`,
  )
  try {
    await esbuild.build({
      entryPoints: [absolute],
      outfile: bundle,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    })
  } catch (error) {
    await rm(bundle, { force: true })
    throw new CliError(`Could not bundle ${file}: ${messageOf(error)}`)
  }
  try {
    return await importModule(file, bundle)
  } finally {
    await rm(bundle, { force: true })
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
