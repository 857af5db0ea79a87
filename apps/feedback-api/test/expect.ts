import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, vi } from 'vitest'

/** The catalog body of an error, as the tests' fixed `x-request-id` makes it. */
export function errorBody(code: string, message: string, extra: object = {}) {
  return { code, message, ...extra, requestId: 'req-test' }
}

/** Rows in the tables a write touches: a failed request must leave them as they were. */
export async function rowCounts(): Promise<Record<string, number>> {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM posts) AS posts, (SELECT COUNT(*) FROM votes) AS votes,
       (SELECT COUNT(*) FROM idempotency_keys) AS idempotencyKeys`,
  ).first<Record<string, number>>()
  return row ?? {}
}

/** Creates a post through the service's own table, for tests that need one. */
export async function seedPost(title = 'Seeded by a test'): Promise<string> {
  const id = crypto.randomUUID()
  await env.DB.prepare(
    "INSERT INTO posts (id, title, author_key_id, created_at) VALUES (?, ?, 'key_admin', ?)",
  )
    .bind(id, title, new Date().toISOString())
    .run()
  return id
}

/** Keeps the reporter's lines (5xx errors, 402 warnings) out of the test output; returns the spy on `console.error`. */
export function quietReporter() {
  const spy = { current: undefined as ReturnType<typeof vi.spyOn> | undefined }
  beforeEach(() => {
    spy.current = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  return () => spy.current as ReturnType<typeof vi.spyOn>
}
