import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'readme',
    include: ['scripts/**/*.test.ts'],
    root: `${import.meta.dirname}/..`,
    testTimeout: 60_000,
  },
})
