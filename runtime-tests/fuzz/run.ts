import fc from 'fast-check'
import type { Report } from './contract'

/** Runs per adapter: 10,000 in the test suite, `FUZZ_RUNS` for the fuzz command. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

/** fast-check's settings: a fixed seed when `FUZZ_SEED` is set, a 5 s limit per request. */
export function settings(): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED
  return {
    numRuns: RUNS,
    plugins: [fc.timeout(5_000)],
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  }
}

/** A timeout that covers every run, for vitest (about 2 ms a run on a slow machine, plus slack). */
export const TEST_TIMEOUT = 60_000 + RUNS * 5

/** The `Accept` headers sent, and whether each prefers Problem Details. */
export const accepts: readonly (readonly [string | undefined, boolean])[] = [
  [undefined, false],
  ['application/json', false],
  ['*/*', false],
  ['text/html', false],
  ['application/problem+json', true],
  ['application/problem+json, application/json;q=0.1', true],
  ['application/json, application/problem+json;q=0.5', false],
]

/** Incoming `x-request-id` values: none, safe tokens, and values `Headers` accepts but are unsafe. */
export const incomingId: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[\w.:@=-]{1,255}$/),
  fc.constantFrom(
    'a'.repeat(129),
    'x'.repeat(10_000),
    'a;b',
    'a,b',
    'a b',
    'a\tb',
    'caf\u00e9',
    'id=abc',
    '<script>',
    "req'1",
  ),
)

/** How the reporting hook behaves: returns, throws, rejects, or returns a hostile thenable. */
export type Hook = 'returns' | 'throws' | 'rejects' | 'thenable' | 'pending'
export const hooks: fc.Arbitrary<Hook> = fc.constantFrom<Hook>(
  'returns',
  'throws',
  'rejects',
  'thenable',
  'pending',
)

/** A reporting hook that records its calls, then misbehaves as asked. */
export function reporter(log: Report[], how: () => Hook) {
  return (thrown: unknown, context: unknown): void | Promise<void> => {
    log.push({ thrown, context })
    switch (how()) {
      case 'throws':
        throw new Error('reporter failed')
      case 'rejects':
        return Promise.reject(new Error('reporter rejected'))
      case 'thenable':
        return {
          // biome-ignore lint/suspicious/noThenProperty: a hostile thenable, on purpose
          get then(): never {
            throw new Error('hostile thenable')
          },
        } as unknown as Promise<void>
      case 'pending':
        return new Promise<void>(() => {})
      default:
        return undefined
    }
  }
}

/** Counts of what the fuzzer produced, printed at the end of each suite. */
export class Tally {
  private readonly counts = new Map<string, number>()
  private runs = 0
  private readonly started = performance.now()
  private readonly times = new Map<string, number>()
  add(family: string, status: number, ms = 0): void {
    this.runs++
    const key = `${family} ${Math.floor(status / 100)}xx`
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    this.times.set(key, (this.times.get(key) ?? 0) + ms)
  }
  summary(adapter: string): string {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1)
    const rows = [...this.counts]
      .sort()
      .map(([key, n]) => `  ${key}: ${n} (${((this.times.get(key) ?? 0) / n).toFixed(2)} ms each)`)
    return `${adapter}: ${this.runs} requests in ${seconds} s (Node ${process.version})\n${rows.join('\n')}`
  }
}
