// Bundles the TypeScript CLI for the running Node (20 has no type stripping), then runs it.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const outfile = fileURLToPath(new URL('../dist/host/cli.mjs', import.meta.url))
await build({
  entryPoints: [fileURLToPath(new URL('../host/cli.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
})
await import(outfile)
