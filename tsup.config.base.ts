import { defineConfig } from 'tsup'

/** The one build every published package shares: ESM + CJS + types. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  sourcemap: false,
})
