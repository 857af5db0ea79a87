import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

// The conformance suite inside workerd, the Cloudflare Workers runtime.
export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: { compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'] },
    }),
  ],
  test: { name: 'runtime-workers', include: ['test/workers/**/*.test.ts'] },
})
