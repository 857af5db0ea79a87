import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

// The same app as the Node tests, run inside workerd (the Cloudflare Workers runtime).
export default defineProject({
  plugins: [
    cloudflareTest({
      main: './test/workers/worker.ts',
      miniflare: {
        compatibilityDate: '2026-04-01',
        compatibilityFlags: ['nodejs_compat'],
        bindings: { API_TOKEN: 'workers-token' },
      },
    }),
  ],
  test: { name: 'hono-workers', include: ['test/workers/**/*.test.ts'] },
})
