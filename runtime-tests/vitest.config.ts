import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'runtime-matrix',
    include: ['src/**/*.test.ts', 'host/**/*.test.ts'],
  },
})
