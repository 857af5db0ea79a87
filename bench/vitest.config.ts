import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'bench-budgets',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
})
