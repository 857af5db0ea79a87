// Turns a run into figures, a Markdown report (RESULTS.md) and a console summary.
import { iso } from './limit.mjs'

const sum = (values) => values.reduce((total, value) => total + value, 0)
const total = (counts) => sum(Object.values(counts))
const merge = (list) => {
  const merged = {}
  for (const counts of list) {
    for (const [key, value] of Object.entries(counts)) merged[key] = (merged[key] ?? 0) + value
  }
  return merged
}
const describe = (counts) =>
  Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ')
const mib = (kib) => (kib === undefined ? 'n/a' : (kib / 1024).toFixed(1))
const rss = ({ start, peak, end }) => `${mib(start)} / ${mib(peak)} / ${mib(end)} MiB`

function percentile(sorted, p) {
  if (sorted.length === 0) return undefined
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** The headline figures of a run, and one row per case. */
export function summarize({ result, stats, cases, memory, serverLog = [], limiter }) {
  const rows = cases.map((testCase) => {
    const entry = stats.get(testCase.id)
    const sorted = Float64Array.from(entry.latencies).sort()
    return {
      testCase,
      ...entry,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    }
  })
  const answered = sum(rows.map((row) => row.responses))
  return {
    rows,
    answered,
    seconds: result.duration,
    perSecond: answered / result.duration,
    perSecondMean: result.requests.average,
    perSecondMin: result.requests.min,
    latency: result.latency,
    unexpected: sum(rows.map((row) => row.wrong.status)),
    wrongBody: sum(rows.map((row) => row.wrong.body)),
    misattributed: sum(rows.map((row) => row.wrong['request-id'])),
    lost: sum(rows.map((row) => total(row.lost))),
    lostBy: merge(rows.map((row) => row.lost)),
    socketErrors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    ),
    memory,
    serverLog,
    limiter,
  }
}

/**
 * Whether the run met its targets: every answer as expected, no socket error or timeout, and the
 * rate-limited key's windows as its limit allows (limit.mjs).
 */
export function passed(summary) {
  return (
    summary.unexpected +
      summary.wrongBody +
      summary.misattributed +
      summary.lost +
      summary.socketErrors +
      summary.limiter.problems.length ===
    0
  )
}

/** The rate-limited key's figures, in a line. */
function limiterLine({ limit, granted, refused, windows, problems }) {
  const most = Math.max(0, ...windows.map((window) => window.grants))
  const verdict = problems.length === 0 ? 'exact' : problems.join('; ')
  return `${granted} granted, ${refused} refused (429) in ${windows.length} minute window(s); most granted in one window ${most} of ${limit}: ${verdict}`
}

/** The summary as rows of [figure, value]. */
export function headline(summary) {
  const { latency, memory } = summary
  return [
    ['requests answered', String(summary.answered)],
    ['requests/s (answered ÷ duration)', summary.perSecond.toFixed(0)],
    [
      'requests/s (mean of 1 s samples; slowest second)',
      `${summary.perSecondMean.toFixed(0)}; ${summary.perSecondMin}`,
    ],
    ['latency p50', `${latency.p50} ms`],
    ['latency p99', `${latency.p99} ms`],
    [
      'latency mean / p97.5 / max',
      `${latency.average.toFixed(1)} / ${latency.p97_5} / ${latency.max} ms`,
    ],
    ['non-expected statuses (target 0)', String(summary.unexpected)],
    ['expected status, wrong body or code', String(summary.wrongBody)],
    ["answers carrying another request's x-request-id", String(summary.misattributed)],
    [
      'socket errors incl. timeouts (target 0)',
      `${summary.socketErrors} (${summary.timeouts} timeouts)`,
    ],
    [
      'requests lost: connection closed, reset or timed out before the answer (target 0)',
      summary.lost === 0 ? '0' : `${summary.lost} (${describe(summary.lostBy)})`,
    ],
    ["Worker's workerd RSS at start / peak / end", rss(memory.worker)],
    ['lc_test_limited writes, preflight and load (target: exact)', limiterLine(summary.limiter)],
  ]
}

// A Markdown table, its columns padded the way Biome formats Markdown.
function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String))
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)))
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  const [first, ...rest] = cells
  return [line(first), line(widths.map((width) => '-'.repeat(width))), ...rest.map(line)].join('\n')
}

/** The report as Markdown. */
export function markdown({ summary, meta }) {
  const caseRows = summary.rows.map((row) => {
    const { testCase } = row
    const seen = Object.entries(row.statuses)
      .filter(
        ([status]) =>
          Number(status) !== testCase.expect.status && Number(status) !== testCase.expect.granted,
      )
      .map(([status, count]) => `${status}×${count}`)
      .join(', ')
    return [
      testCase.name,
      testCase.surface,
      `${testCase.expect.status}${testCase.expect.code ? ` ${testCase.expect.code}` : ''}${testCase.expect.granted ? ` or ${testCase.expect.granted}` : ''}`,
      row.responses,
      row.p50 === undefined ? '–' : Math.round(row.p50),
      row.p99 === undefined ? '–' : Math.round(row.p99),
      row.wrong.status + (seen ? ` (${seen})` : ''),
      row.wrong.body + row.wrong['request-id'],
      total(row.lost) === 0 ? 0 : `${total(row.lost)} (${describe(row.lost)})`,
    ]
  })
  const statuses = Object.entries(summary.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')
  const { limiter } = summary
  const windowRows = limiter.windows.map((window) => [
    iso(window.start),
    `${window.grants}${window.crossing ? ` (${window.crossing} sent in one minute, answered in the next)` : ''}`,
    window.refusals,
  ])
  return `# Load test of the feedback-api demo

Generated by \`runtime-tests/load/run.mjs\` (\`pnpm load\`). ${passed(summary) ? '**Passed**' : '**Failed**'}: every
answer must have its case's status and catalog code and answer its own request (an error
echoes its \`x-request-id\`, a success has its body), with no socket error or timeout, and \`lc_test_limited\` must have been granted at most ${limiter.limit} writes in every minute
window, and refused only in windows that had granted ${limiter.limit}.

## Run

${meta.map(([name, value]) => `- ${name}: ${value}`).join('\n')}

## Figures

${table(['figure', 'value'], headline(summary))}

All statuses: ${statuses}.

## Server log during the load

What the Worker logged at level warn or error while the load ran (its \`logErrors\` records:
5xx as errors, 402 as warnings, each counted as its status, code, method and path), and
Miniflare's and workerd's own warnings, counted by their first 72 characters:

${
  summary.serverLog.length === 0
    ? 'nothing.'
    : table(
        ['count', 'line'],
        summary.serverLog.map(([line, count]) => [
          count,
          `\`${line.replaceAll('`', "'").replaceAll('|', '\\|')}\``,
        ]),
      )
}

## The rate-limited key's windows

\`lc_test_limited\` (${limiter.limit} writes a minute) in each minute window (UTC) of the preflight and
the load: writes granted (201, tRPC 200) and refused (429 \`TOO_MANY_REQUESTS\`, the window read
from Retry-After). ${limiterLine(limiter)}.

${windowRows.length === 0 ? 'No answers.' : table(['window', 'granted', 'refused'], windowRows)}

## Per case

p50 and p99 in ms. "wrong" counts answers with the expected status but another catalog code,
body or \`x-request-id\`; "lost" counts requests sent on a connection that was closed by the
server, reset (the socket error code) or timed out before their answer.

${table(
  ['case', 'surface', 'expected', 'answers', 'p50', 'p99', 'unexpected status', 'wrong', 'lost'],
  caseRows,
)}
`
}

/** Prints the headline figures. */
export function printSummary(summary) {
  const rows = headline(summary)
  const width = Math.max(...rows.map(([name]) => name.length))
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
  for (const window of summary.limiter.windows) {
    console.log(
      `  lc_test_limited ${iso(window.start)}: ${window.grants} granted${window.crossing ? ` (${window.crossing} sent in one minute, answered in the next)` : ''}, ${window.refusals} refused`,
    )
  }
  const failing = summary.rows.filter(
    (row) => row.wrong.status + row.wrong.body + row.wrong['request-id'] + total(row.lost) > 0,
  )
  for (const row of failing) {
    console.log(
      `  ${row.testCase.id}: statuses ${JSON.stringify(row.statuses)}, wrong ${JSON.stringify(row.wrong)}, lost ${describe(row.lost) || 0}`,
    )
  }
}
