/** One row of the matrix: a runtime and how its run went. */
export interface MatrixRow {
  readonly runtime: string
  readonly version: string
  readonly passed: number
  readonly failed: number
  readonly total: number
  /** Time inside the runtime running the cases, in ms. */
  readonly runMs: number
  /** Wall time for the runtime, start-up included, in ms. */
  readonly wallMs: number
  /** Why the runtime could not report at all. */
  readonly error?: string
}

/** The matrix as a fixed-width text table, one runtime per line. */
export function formatTable(rows: readonly MatrixRow[]): string {
  const header = ['runtime', 'version', 'result', 'passed', 'failed', 'total', 'run ms', 'wall ms']
  const lines = rows.map((row) => [
    row.runtime,
    row.version,
    row.error ? 'ERROR' : row.failed === 0 ? 'pass' : 'FAIL',
    String(row.passed),
    String(row.failed),
    String(row.total),
    String(row.runMs),
    String(row.wallMs),
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  )
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
  return [
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...lines.map(format),
  ].join('\n')
}
