// The `rate-limited` case's own check: the limiter's exactness under load.
//
// `lc_test_limited` may make 3 writes a minute, counted by the demo's WriteLimiter (one Durable
// Object per key) in fixed windows: the minute `Date.now()` of the Worker falls in. Every
// connection sends it a create, all run long, so in each window the first writes to reach the
// limiter are granted (201, tRPC 200) and all later ones refused (429 with Retry-After). The
// harness records, on its own clock (the Worker's is the same machine's), when each of those
// requests was sent and answered: the limiter read its clock in between.
//
// - No window may have granted more than the limit: the grants must fit into windows of at
//   most `limit` each, each grant in a window its [sent, answered] interval touches. A grant
//   whose interval crosses a minute boundary may be in either window; the check passes only if
//   some placement of all of them fits (the earliest-deadline-first placement finds one if one
//   exists).
// - A refusal names its window: Retry-After is the seconds from the Worker's clock to the end
//   of the window, so end = (a second within [sent, answered]) + Retry-After must be a whole
//   minute. A window with a refusal must have had `limit` grants that can lie in it (nothing is
//   given back: none of these writes fails), or the limiter refused writes it had room for.

const MINUTE = 60_000

/** A ledger of the rate-limited case's answers, kept by the preflight and the load. */
export function limitLedger(limit) {
  const grants = []
  const refusals = []
  return {
    limit,
    grants,
    refusals,
    /** One answer to the case, on the harness's clock (ms); `retryAfter` from a 429. */
    record({ status, granted, sent, answered, retryAfter }) {
      if (status === granted) grants.push({ sent, answered })
      else if (status === 429) refusals.push({ sent, answered, retryAfter })
    },
  }
}

/**
 * What the ledger shows, per window: the grants placed in it, the refusals that name it, and
 * what is wrong (an empty `problems` means the limiter was exact).
 */
export function checkLedger({ limit, grants, refusals }) {
  const problems = []
  const windows = new Map()
  const windowOf = (start) => {
    if (!windows.has(start)) windows.set(start, { start, grants: 0, crossing: 0, refusals: 0 })
    return windows.get(start)
  }

  // grants: earliest deadline first, each into the earliest window it can lie in that has room
  const spans = grants
    .map(({ sent, answered }) => ({
      first: Math.floor(sent / MINUTE) * MINUTE,
      last: Math.floor(answered / MINUTE) * MINUTE,
    }))
    .sort((a, b) => a.last - b.last || a.first - b.first)
  let unplaced = 0
  for (const { first, last } of spans) {
    let placed = false
    for (let start = first; start <= last; start += MINUTE) {
      const window = windowOf(start)
      if (window.grants < limit) {
        window.grants++
        if (first !== last) window.crossing++
        placed = true
        break
      }
    }
    if (!placed) unplaced++
  }
  if (unplaced > 0) {
    problems.push(
      `${unplaced} granted write(s) beyond ${limit} a minute: no placement of the ${grants.length} grants fits ${limit} per window`,
    )
  }

  // refusals: the window Retry-After names
  let inconsistent = 0
  for (const { sent, answered, retryAfter } of refusals) {
    const ends = []
    for (let second = Math.floor(sent / 1000); second <= Math.floor(answered / 1000); second++) {
      const end = (second + retryAfter) * 1000
      if (end % MINUTE === 0 && !ends.includes(end)) ends.push(end)
    }
    if (ends.length !== 1) {
      inconsistent++
      continue
    }
    windowOf(ends[0] - MINUTE).refusals++
  }
  if (inconsistent > 0) {
    problems.push(
      `${inconsistent} 429(s) whose Retry-After does not end a minute window from when they were sent and answered`,
    )
  }

  // a window with a refusal must have had all its units granted, by grants that can lie in it
  for (const window of windows.values()) {
    if (window.refusals === 0) continue
    const possible = spans.filter(
      ({ first, last }) => first <= window.start && window.start <= last,
    ).length
    if (possible < limit) {
      problems.push(
        `the window from ${iso(window.start)} refused ${window.refusals} write(s) after at most ${possible} grant(s) of ${limit}`,
      )
    }
  }

  return {
    limit,
    granted: grants.length,
    refused: refusals.length,
    windows: [...windows.values()].sort((a, b) => a.start - b.start),
    problems,
  }
}

/** `hh:mm` (UTC) of a window's start. */
export function iso(start) {
  return new Date(start).toISOString().slice(11, 16)
}

/** Retry-After in whole seconds (1 to 60, as the limiter sends it), or undefined. */
export function retryAfterOf(value) {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined
  const seconds = Number(value)
  return seconds >= 1 && seconds <= 60 ? seconds : undefined
}
