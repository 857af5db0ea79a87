// The part of `cloudflare:test` these tests use, typed without @cloudflare/workers-types.
declare module 'cloudflare:test' {
  interface ExecutionContext {
    waitUntil(promise: Promise<unknown>): void
    passThroughOnException(): void
  }
  /** The `main` Worker, reached through the runtime's own HTTP plumbing. */
  export const SELF: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> }
  export function createExecutionContext(): ExecutionContext
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>
}
