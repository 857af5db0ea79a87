/** Where a page of posts ends: the sort key (newest first, then id) of its last post. */
export interface Cursor {
  readonly createdAt: string
  readonly id: string
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * A cursor as the client sees it: opaque base64url text.
 *
 * @example
 * ```ts
 * encodeCursor({ createdAt: post.createdAt, id: post.id })
 * ```
 */
export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(`${cursor.createdAt} ${cursor.id}`)
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/**
 * The cursor a client sent back, or `undefined` when it is not one this API made.
 *
 * @example
 * ```ts
 * decodeCursor('MjAyNi0wMS0wNl…') // { createdAt: '2026-01-06T09:00:00.000Z', id: '…' }
 * ```
 */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[\w-]{1,400}$/.test(text)) return undefined
  let decoded: string
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    )
  } catch {
    return undefined
  }
  const space = decoded.indexOf(' ')
  const createdAt = decoded.slice(0, space)
  const id = decoded.slice(space + 1)
  if (space < 0 || !ISO.test(createdAt) || id.length < 1 || id.length > 100) return undefined
  return { createdAt, id }
}
