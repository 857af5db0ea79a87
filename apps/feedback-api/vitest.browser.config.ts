import { defineProject } from 'vitest/config'

// The playground in a real browser (Debian's /usr/bin/chromium) against the real `wrangler dev`,
// from Node: kept apart from the workerd tests of vitest.config.ts.
export default defineProject({
  test: {
    name: 'feedback-api-browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
})
