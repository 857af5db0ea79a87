// Types for the parts of demo.mjs the TypeScript tests use.

/** The demo's Worker on workerd, serving on 127.0.0.1. */
export interface RunningDemo {
  readonly url: string
  readonly pid: number
  stop(): Promise<void>
  logLines(): Map<string, number>
}

/** Starts the demo's Worker with a fresh local D1 (`sql`, if given, run after the migrations). */
export function startDemo(options: {
  sql?: string
  vars: Record<string, string>
  withAssets?: boolean
  node?: string
}): Promise<RunningDemo>

/** The Worker's log file (see server.mjs) counted by message: a `logErrors` record as its status, code, method and path. */
export function countLines(file: string): Map<string, number>
