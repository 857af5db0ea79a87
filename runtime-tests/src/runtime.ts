/** The runtime the suite runs on, as it reports itself. */
export interface RuntimeInfo {
  /** `node`, `bun`, `deno`, `workerd` or `edge-runtime`. */
  readonly name: string
  readonly version: string
}

interface Globals {
  Bun?: { version: string }
  Deno?: { version: { deno: string } }
  EdgeRuntime?: string
  navigator?: { userAgent?: string }
  process?: { versions?: { node?: string } }
}

/** Tells which runtime this is, checking the most specific globals first. */
export function detectRuntime(): RuntimeInfo {
  const g = globalThis as Globals
  if (g.Bun) return { name: 'bun', version: g.Bun.version }
  if (g.Deno) return { name: 'deno', version: g.Deno.version.deno }
  if (typeof g.EdgeRuntime === 'string') return { name: 'edge-runtime', version: g.EdgeRuntime }
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: '' }
  const node = g.process?.versions?.node
  if (node) return { name: 'node', version: node }
  return { name: 'unknown', version: '' }
}
