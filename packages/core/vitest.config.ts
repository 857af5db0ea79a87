import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineProject({
  // The shared test catalog depends on core, so core cannot depend on it: its tests reach it by
  // path, and it reaches core's own source (as tsconfig.json's paths do for tsc).
  resolve: {
    alias: [
      { find: /^@faultline\/test-catalog$/, replacement: here('../../test-support/catalog.ts') },
      { find: /^@faultline\/core$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    name: 'core',
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
