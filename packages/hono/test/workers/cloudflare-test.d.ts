// The part of `cloudflare:test` these tests use, typed without @cloudflare/workers-types.
declare module 'cloudflare:test' {
  import type { ExecutionContext } from 'hono'

  /** The `main` Worker (test/workers/worker.ts), reached through workerd's own fetch path. */
  export const SELF: { fetch(input: string | Request, init?: RequestInit): Promise<Response> }
  export const env: { readonly API_TOKEN: string }
  export function createExecutionContext(): ExecutionContext
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>
}
