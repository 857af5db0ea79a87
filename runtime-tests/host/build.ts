import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type BuildOptions, build } from 'esbuild'
import { distDir, packageRoot } from './paths'

/** The files the runtimes load. */
export interface Bundles {
  /** ESM exporting `run`, `cases` and `detectRuntime`. */
  readonly esm: string
  /** The same as a classic script that sets `globalThis.faultlineConformance`. */
  readonly iife: string
  /** A runner that imports `esm`, runs every case and prints the result as one JSON line. */
  readonly main: string
}

/** The global the IIFE bundle defines. */
export const IIFE_GLOBAL = 'faultlineConformance'

const shared: BuildOptions = {
  entryPoints: [join(packageRoot, 'src/entry.ts')],
  bundle: true,
  // No Node built-ins, no bare imports left: every runtime gets the same self-contained code.
  platform: 'neutral',
  conditions: ['worker', 'browser'],
  mainFields: ['module', 'main'],
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'silent',
}

/** Bundles `src/entry.ts` (ESM and IIFE) and writes the runner, into `dist/` by default. */
export async function buildBundles(outdir = distDir): Promise<Bundles> {
  mkdirSync(outdir, { recursive: true })
  const bundles: Bundles = {
    esm: join(outdir, 'conformance.mjs'),
    iife: join(outdir, 'conformance.iife.js'),
    main: join(outdir, 'main.mjs'),
  }
  await Promise.all([
    build({ ...shared, format: 'esm', outfile: bundles.esm }),
    build({ ...shared, format: 'iife', globalName: IIFE_GLOBAL, outfile: bundles.iife }),
  ])
  writeFileSync(
    bundles.main,
    [
      "import { run } from './conformance.mjs'",
      'console.log(JSON.stringify(await run()))',
      '',
    ].join('\n'),
  )
  return bundles
}
