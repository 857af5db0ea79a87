import type { Scrub } from './scrub'

/** One link of a cause chain, as a log line carries it. */
export interface ErrorSummary {
  /** The error's `name`, or what was thrown when it was not an error (`string`, `Response`). */
  readonly name: string
  readonly message: string
  /** The first frames of the stack, one string each (`at handler (src/posts.ts:12:11)`). */
  readonly stack?: readonly string[]
  readonly cause?: ErrorSummary
}

/** How much of a cause chain to keep. */
export interface ChainLimits {
  /** Stack frames kept per link. */
  readonly frames: number
  /** Links kept after the first one. */
  readonly depth: number
}

const MAX_TEXT = 1000
// a V8 frame (`    at fn (file:1:2)`) or a JSC/SpiderMonkey one (`fn@file:1:2`)
const FRAME = /^\s*at\s|^[^\s@]*@\S*:\d+:\d+$/

/**
 * What was thrown and its causes, scrubbed and bounded: a message is cut to 1,000 characters,
 * the stack to its first frames, the chain to `depth` causes (so a cyclic chain ends). Never
 * throws: a getter that throws leaves its field out.
 */
export function summarize(thrown: unknown, scrub: Scrub, limits: ChainLimits): ErrorSummary {
  const summary: { -readonly [K in keyof ErrorSummary]: ErrorSummary[K] } = {
    name: nameOf(thrown),
    message: scrub(messageOf(thrown).slice(0, MAX_TEXT)),
  }
  const stack = read(thrown, 'stack')
  if (typeof stack === 'string' && limits.frames > 0) {
    const frames = stack
      .split('\n')
      .filter((line) => FRAME.test(line))
      .slice(0, limits.frames)
      .map((line) => scrub(line.trim().slice(0, MAX_TEXT)))
    if (frames.length > 0) summary.stack = frames
  }
  const cause = read(thrown, 'cause')
  if (cause !== undefined && limits.depth > 0) {
    summary.cause = summarize(cause, scrub, { ...limits, depth: limits.depth - 1 })
  }
  return summary
}

function read(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

function nameOf(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const name = read(value, 'name')
  if (typeof name === 'string' && name) return name
  try {
    return Object.getPrototypeOf(value)?.constructor?.name || 'Object'
  } catch {
    return 'Object'
  }
}

function messageOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return String(value)
  const message = read(value, 'message')
  if (typeof message === 'string') return message
  // a `Response` (what a failed upstream call leaves as `cause`): its status says what happened
  const status = read(value, 'status')
  if (typeof status === 'number') return `status ${status}`
  return ''
}
