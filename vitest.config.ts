import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/*/vitest.workers.config.ts',
      'apps/*/vitest.config.ts',
      'apps/*/vitest.browser.config.ts',
      'runtime-tests/vitest.config.ts',
      'runtime-tests/vitest.workers.config.ts',
      'runtime-tests/fuzz/vitest.config.ts',
      'runtime-tests/hostile/vitest.config.ts',
      'bench/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
})
