/** A reported bug, or a limitation of a framework, recognised by the case's tags and the problem. */
export interface Known {
  readonly id: string
  /** Every tag must be on the case: the adapter ('fetch', 'hono', 'trpc'), the family, traits. */
  readonly tags: readonly string[]
  readonly problem: RegExp
}

/**
 * Bugs found by the fuzzer and reported, each with a failing regression test in `regression/`.
 * While one is open the fuzzer counts its cases instead of failing, so that it goes on looking
 * for others; delete the entry once the fix lands (`FUZZ_STRICT=1` ignores this list).
 */
export const KNOWN_BUGS: readonly Known[] = []

/**
 * What tRPC itself does and the adapter cannot change: tolerated even with `FUZZ_STRICT`.
 */
export const LIMITATIONS: readonly Known[] = [
  // tRPC reads the `name`, `stack` and `message` of what was thrown without a guard; when a
  // getter throws (or changes between reads), tRPC answers from its outer catch, before it set a
  // content type (text/plain). The request-level cases (415, batch size) are fixable in
  // responseMeta: see regression/trpc-text-plain.
  { id: 'trpc-fragile-text-plain', tags: ['trpc', 'trpc-fragile'], problem: /^content-type$/ },
]

export function knownBug(tags: readonly string[], problems: readonly string[]): string | undefined {
  const listed = process.env.FUZZ_STRICT ? LIMITATIONS : [...KNOWN_BUGS, ...LIMITATIONS]
  const open = listed.filter((known) => known.tags.every((tag) => tags.includes(tag)))
  const ids = new Set<string>()
  for (const problem of problems) {
    const bug = open.find((known) => known.problem.test(problem))
    if (!bug) return undefined
    ids.add(bug.id)
  }
  return [...ids].sort().join('+')
}
