import {
  type Catalog,
  defaultCatalog,
  defaultDescriptions,
  type ErrorDefinition,
  statusPhrase,
} from '@faultline/core/adapter'

/** One row of the status summary: the statuses it covers and what they mean. */
export interface StatusRow {
  readonly statuses: readonly number[]
  readonly meaning: string
}

// The meaning of a status is core's description of its default code: one source for both.
const meaningOf = (status: number): string | undefined => {
  const code = defaultCatalog().codeFor(status)
  return code && defaultDescriptions[code]
}

/** The status summary of the API error convention, row for row. */
export const CONVENTION: readonly StatusRow[] = [400, 401, 402, 403, 404, 409, 429, 500].map(
  (status) => ({
    statuses: status === 500 ? [500, 502, 503, 504] : [status],
    meaning: meaningOf(status) ?? '',
  }),
)

// Meanings for the statuses a catalog may add that core has no default code for.
const EXTRA_MEANINGS: Readonly<Record<number, string>> = {
  406: 'The server cannot produce a response in a format the request accepts.',
  408: 'The client took too long to send the request.',
  410: 'The resource existed but is gone for good.',
  412: 'A precondition of the request (such as `If-Match`) failed.',
  501: 'The server does not support this request.',
}

/**
 * The reason phrase of a status, as the convention names it (402 is "Request Failed"): core's
 * table of phrases, the one Problem Details titles come from.
 *
 * @example
 * ```ts
 * statusText(404) // 'Not Found'
 * statusText(499) // 'Client Error'
 * ```
 */
export function statusText(status: number): string {
  return status === 402 ? 'Request Failed' : statusPhrase(status)
}

/** A catalog's entries as `[code, definition]`, ordered by status, then as defined. */
export function entriesOf(catalog: Catalog): [string, ErrorDefinition][] {
  const entries = Object.entries(catalog.definitions as Record<string, ErrorDefinition>)
  // Array.prototype.sort is stable, so codes of one status keep the catalog's order.
  return entries.sort(([, a], [, b]) => a.status - b.status)
}

/** The convention's rows plus one row per other status the catalog uses, by first status. */
export function statusRows(catalog: Catalog): StatusRow[] {
  const covered = new Set(CONVENTION.flatMap((row) => row.statuses))
  const extra = [...new Set(entriesOf(catalog).map(([, entry]) => entry.status))]
    .filter((status) => !covered.has(status))
    .map((status) => ({
      statuses: [status],
      meaning: meaningOf(status) ?? EXTRA_MEANINGS[status] ?? `${statusText(status)}.`,
    }))
  return [...CONVENTION, ...extra].sort((a, b) => (a.statuses[0] ?? 0) - (b.statuses[0] ?? 0))
}
