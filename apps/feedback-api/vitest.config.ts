import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

// Every test file runs inside workerd against its own D1 database, migrated by the setup file.
export default defineProject(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          // Room for the many writes of one test file; the limit itself is tested with
          // lc_test_limited and with the variable passed to the Worker directly.
          bindings: { TEST_MIGRATIONS: migrations, WRITE_RATE_LIMIT_PER_MINUTE: '1000' },
          // The Worker gets no network under test: every request it sends out (a webhook
          // delivery) is answered here, in Node, by an endpoint that fails. Nothing is looked up
          // in DNS, and workerd logs nothing (a refused or unresolvable connection makes it print
          // a stack per request). A test that needs an unreachable endpoint mocks the rejection.
          outboundService: () =>
            new Response('no network under test', {
              status: 502,
              headers: { 'content-type': 'text/plain' },
            }),
        },
      }),
    ],
    test: {
      name: 'feedback-api',
      include: ['src/**/*.test.ts', 'test/*.test.ts'],
      setupFiles: ['./test/strict-errors.ts', './test/apply-migrations.ts'],
    },
  }
})
