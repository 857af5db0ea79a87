// GitHub keeps letters, marks, digits, connector punctuation (`_`), hyphens and spaces.
const PUNCTUATION = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu

/**
 * The anchor GitHub gives a heading: lower-cased, punctuation dropped, spaces turned into
 * hyphens. `### POST_NOT_FOUND` is `#post_not_found`.
 *
 * @example
 * ```ts
 * githubAnchor('404 Not Found') // '404-not-found'
 * ```
 */
export function githubAnchor(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, '').replaceAll(' ', '-')
}

/** Tracks the anchors of a document's headings, suffixing repeats the way GitHub does. */
export class Anchors {
  readonly #seen = new Map<string, number>()

  /** The anchor the next heading with this text gets. */
  next(text: string): string {
    const base = githubAnchor(text)
    let anchor = base
    let count = this.#seen.get(base) ?? 0
    while (this.#seen.has(anchor)) anchor = `${base}-${++count}`
    this.#seen.set(base, count)
    this.#seen.set(anchor, 0)
    return anchor
  }
}

/** Escapes characters that Markdown would otherwise read as inline syntax. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]<>|]/g, '\\$&').replace(/\r?\n/g, ' ')
}

/**
 * A Markdown table, its columns padded to the same display width the way Biome's Markdown
 * formatter pads them, so a generated file stays unchanged by `biome check --write`. Cells are
 * written as given: escape them with {@link escapeInline}.
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((cell, column) =>
    Math.max(3, ...[head, ...rows].map((row) => displayWidth(row[column] ?? cell))),
  )
  const pad = (text: string, column: number) =>
    text + ' '.repeat((widths[column] ?? 0) - displayWidth(text))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => pad(cell, column)).join(' | ')} |`
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

// East Asian wide and fullwidth characters and emoji take two columns; combining marks none.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u
const ZERO_WIDTH = /\p{Mn}|\p{Me}|[\u200b-\u200f]|\ufe0f/u

/** The number of terminal columns a string takes. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1
  return width
}

/** A fenced code block, with a fence longer than any run of backticks inside. */
export function codeBlock(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${code}\n${fence}`
}

/** Inline code, safe for any text. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`
}
