import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: { compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'] },
    }),
  ],
  test: { name: 'trpc-workers', include: ['test/workers/**/*.test.ts'] },
})
