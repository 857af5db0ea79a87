import { defineProject } from 'vitest/config'

// Property-based fuzzing of the adapters' error paths; `FUZZ_RUNS` sets the runs per adapter.
export default defineProject({
  // the cache goes with the package's, not into a node_modules of this folder
  cacheDir: '../node_modules/.vite/fuzz',
  test: {
    name: 'fuzz',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    pool: 'forks',
    environment: 'node',
  },
})
