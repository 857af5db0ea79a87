// Bundles the playground page's script (src/playground/main.ts) into public/playground.js.
import { build } from 'esbuild'

await build({
  entryPoints: [new URL('../src/playground/main.ts', import.meta.url).pathname],
  outfile: new URL('../public/playground.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  logLevel: 'warning',
})
