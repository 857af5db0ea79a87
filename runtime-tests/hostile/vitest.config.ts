import { defineProject } from 'vitest/config'

// Hostile request input against the Fetch and Hono adapters.
export default defineProject({
  // the cache goes with the package's, not into a node_modules of this folder
  cacheDir: '../node_modules/.vite/hostile',
  test: {
    name: 'hostile',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    pool: 'forks',
    environment: 'node',
  },
})
