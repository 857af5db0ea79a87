import type { Catalog, ErrorDefinition } from '@faultline/core'
import { codeSection } from './code-section'
import { dataSchema, type SchemaOptions, schemaOf } from './data-schema'
import { exampleBody, exampleProblem, VALIDATION_CODE } from './examples'
import { Anchors, codeBlock, escapeInline, table } from './markdown'
import { schemaName } from './schemas'
import { entriesOf, statusRows, statusText } from './statuses'

/**
 * Options of {@link renderErrorReference}.
 *
 * @example
 * ```ts
 * renderErrorReference(errors, { title: 'Feedback API errors' })
 * ```
 */
export interface ReferenceOptions extends SchemaOptions {
  /** The page's `#` heading. Defaults to `Errors`. */
  readonly title?: string
}

/**
 * Renders a catalog as a Markdown error reference: the body format, Problem Details, the status
 * summary of the convention, a table of contents, then one `### CODE` section per code (status,
 * default message, description, redaction, retry, `data` fields, an example body). The output
 * depends only on the catalog, so it can be committed and checked in CI. Each code's section has
 * the anchor `#<code in lower case>`, the fragment of the catalog's `docUrl` links.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { renderErrorReference } from '@faultline/docs'
 * import { errors } from './catalog'
 *
 * writeFileSync('ERRORS.md', renderErrorReference(errors, { title: 'Feedback API errors' }))
 * ```
 */
export function renderErrorReference(catalog: Catalog, options: ReferenceOptions = {}): string {
  const title = options.title ?? 'Errors'
  const entries = entriesOf(catalog)
  const statuses = [...new Set(entries.map(([, entry]) => entry.status))]
  const anchors = anchorsOf(title, entries)
  const statusLink = (status: number, short = false) => {
    const label = `${status} ${statusText(status)}`
    const text = short ? String(status) : label
    return statuses.includes(status) ? `[${text}](#${anchors.get(label)})` : text
  }
  const codeLink = (code: string) => `[${escapeInline(code)}](#${code.toLowerCase()})`

  const parts = [`# ${escapeInline(title)}`, intro(catalog), problemDetails(catalog, entries)]
  parts.push(
    '## Status codes',
    table(
      ['Status', 'Meaning', 'Codes'],
      statusRows(catalog).map((row) => [
        row.statuses.length === 1
          ? statusLink(row.statuses[0] as number)
          : row.statuses
              .map((status) => (statuses.includes(status) ? statusLink(status, true) : status))
              .join(', '),
        row.meaning,
        entries
          .filter(([, entry]) => row.statuses.includes(entry.status))
          .map(([code]) => codeLink(code))
          .join(', ') || '—',
      ]),
    ),
    '## Codes',
    table(
      ['Code', 'Status', 'Message'],
      entries.map(([code, entry]) => [
        codeLink(code),
        String(entry.status),
        escapeInline(entry.message),
      ]),
    ),
  )
  for (const status of statuses) {
    parts.push(`## ${status} ${statusText(status)}`)
    for (const [code, entry] of entries) {
      if (entry.status !== status) continue
      const anchor = anchors.get(code)
      const explicit = anchor === code.toLowerCase() ? '' : `<a id="${code.toLowerCase()}"></a>\n\n`
      const data = schemaOf(entry) ? dataSchema(schemaName(code), entry, options) : undefined
      parts.push(`${explicit}### ${escapeInline(code)}`, ...codeSection(code, entry, data))
      const body = exampleBody(catalog, code, data?.example)
      parts.push(codeBlock('json', JSON.stringify(body, null, 2)))
    }
  }
  return `${parts.join('\n\n')}\n`
}

// GitHub numbers repeated headings, so every heading's anchor is worked out in page order.
function anchorsOf(title: string, entries: [string, ErrorDefinition][]): Map<string, string> {
  const tracker = new Anchors()
  for (const fixed of [title, 'Error body', 'Problem Details', 'Status codes', 'Codes']) {
    tracker.next(fixed)
  }
  const anchors = new Map<string, string>()
  let previous: number | undefined
  for (const [code, entry] of entries) {
    if (entry.status !== previous) {
      const label = `${entry.status} ${statusText(entry.status)}`
      anchors.set(label, tracker.next(label))
      previous = entry.status
    }
    anchors.set(code, tracker.next(escapeInline(code)))
  }
  return anchors
}

function intro(catalog: Catalog): string {
  const members = [
    '- `code`: a short, stable, machine-readable string. Branch on it, never on the message.',
    '- `message`: a human-readable message. For a 5xx it is the default message listed below.',
    "- `errors` (`VALIDATION_ERROR` only): one `{ code, message, path }` per problem, where `path` is a JSON Pointer into the request input (`/title`, `/tags/0`); the input's value is never echoed.",
    '- `data`: structured details, for the codes that declare fields below.',
  ]
  if (catalog.referenceUrl !== undefined) {
    members.push("- `docUrl`: a link to the code's section of this page.")
  }
  members.push('- `requestId`: the id of the request, also sent as the `x-request-id` header.')
  return [
    'Generated from the error catalog by `faultline docs`: edit the catalog, not this page.',
    '## Error body',
    'Every error is answered with a conventional HTTP status and a JSON body (`content-type: application/json; charset=utf-8`, `cache-control: no-store`). `code` and `message` are always present; the other members only when they apply:',
    members.join('\n'),
    'Responses with status 429 or 503 carry `Retry-After` (in seconds, or an HTTP date) when the server knows how long to wait.',
  ].join('\n\n')
}

function problemDetails(catalog: Catalog, entries: [string, ErrorDefinition][]): string {
  const sample =
    entries.find(([, entry]) => entry.status === 404)?.[0] ??
    entries.find(([code]) => code !== VALIDATION_CODE)?.[0] ??
    entries[0]?.[0]
  const typeAndTitle =
    catalog.referenceUrl === undefined
      ? '`type` (`about:blank`), `title` (the status phrase, such as `Not Found`)'
      : "`type` (the link to the code's section of this page), `title` (the code's default message)"
  const lines = [
    '## Problem Details',
    `A request whose \`Accept\` header prefers \`application/problem+json\` receives the same error as RFC 9457 Problem Details, with \`content-type: application/problem+json\`: ${typeAndTitle}, \`status\`, \`detail\` (the message), \`instance\` (the request path), and \`code\`, \`errors\`, \`data\` and \`requestId\` as extension members.`,
  ]
  if (sample !== undefined) {
    const problem = exampleProblem(catalog, sample, '/v1/items/42')
    lines.push(codeBlock('json', JSON.stringify(problem, null, 2)))
  }
  return lines.join('\n\n')
}
