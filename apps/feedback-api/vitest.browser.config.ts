import { defineProject } from 'vitest/config'

// The playground in a real browser (Debian's /usr/bin/chromium), and what only the proxy of the
// real `wrangler dev` shows (oversized bodies), against `wrangler dev` itself,
// from Node: kept apart from the workerd tests of vitest.config.ts. So is what needs Node
// (test/node: the OpenAPI validators, and the demo's answers checked against the document).
export default defineProject({
  test: {
    name: 'feedback-api-browser',
    include: ['test/browser/**/*.test.ts', 'test/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
})
