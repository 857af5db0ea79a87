/** In an expected header or body: any UUID, the same one everywhere it appears in a case. */
export const UUID = '<uuid>'

/**
 * In an expected `content-type`: whatever this runtime's own `Response.json()` sets, for
 * responses a handler builds itself and an adapter must pass through untouched. Bun adds
 * `;charset=utf-8`, the others do not (see the README).
 */
export const RESPONSE_JSON_TYPE = '<Response.json content-type>'

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** What a case expects on the wire. */
export interface Expected {
  readonly status: number
  /** Exact values after {@link normaliseHeader}; `null` means the header must be absent. */
  readonly headers: Readonly<Record<string, string | null>>
  /** The exact JSON body (key order aside); `UUID` matches a UUID. */
  readonly body: unknown
  /** Strings the raw body must not contain (planted secrets). */
  readonly absent?: readonly string[]
}

/** A response as read off the wire. */
export interface Received {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/**
 * Puts a header value in a canonical form, changing only what HTTP says is insignificant:
 * whitespace around values, the case of media types, parameter names and charset
 * (RFC 9110 §8.3), and the case and order of the field names listed in `vary`.
 */
export function normaliseHeader(name: string, value: string): string {
  const trimmed = value.trim()
  if (name === 'content-type') return trimmed.toLowerCase().replace(/\s*([;=])\s*/g, '$1')
  if (name === 'vary') {
    return trimmed
      .split(',')
      .map((field) => field.trim().toLowerCase())
      .sort()
      .join(', ')
  }
  return trimmed
}

/** Compares a response with what a case expects; returns one line per difference. */
export function compare(expected: Expected, received: Received): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  if (received.status !== expected.status) {
    problems.push(`status: expected ${expected.status}, got ${received.status}`)
  }
  for (const [name, want] of Object.entries(expected.headers)) {
    const raw = received.headers.get(name)
    const got = raw === null ? null : normaliseHeader(name, raw)
    const wanted = want === null || want === UUID ? want : normaliseHeader(name, resolve(want))
    if (!same(wanted, got, ids)) {
      problems.push(`header ${name}: expected ${show(want)}, got ${show(got)}`)
    }
  }
  let body: unknown
  try {
    body = JSON.parse(received.text)
  } catch {
    problems.push(`body is not JSON: ${show(received.text.slice(0, 200))}`)
    return problems
  }
  problems.push(...diff(expected.body, body, '', ids))
  for (const secret of expected.absent ?? []) {
    if (received.text.includes(secret)) problems.push(`body contains ${show(secret)}`)
  }
  if (ids.size > 1) problems.push(`request ids differ: ${[...ids].join(' vs ')}`)
  return problems
}

function resolve(value: string): string {
  if (value !== RESPONSE_JSON_TYPE) return value
  return Response.json(null).headers.get('content-type') ?? 'none'
}

function diff(want: unknown, got: unknown, path: string, ids: Set<string>): string[] {
  const where = path || '(root)'
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return [`${where}: expected an array, got ${show(got)}`]
    if (got.length !== want.length) {
      return [`${where}: expected ${want.length} items, got ${show(got)}`]
    }
    return want.flatMap((item, i) => diff(item, got[i], `${path}/${i}`, ids))
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) {
      return [`${where}: expected an object, got ${show(got)}`]
    }
    const problems: string[] = []
    for (const key of Object.keys(got)) {
      if (!Object.hasOwn(want, key))
        problems.push(`${path}/${key}: unexpected ${show(at(got, key))}`)
    }
    for (const [key, value] of Object.entries(want)) {
      if (!Object.hasOwn(got, key))
        problems.push(`${path}/${key}: missing, expected ${show(value)}`)
      else problems.push(...diff(value, at(got, key), `${path}/${key}`, ids))
    }
    return problems
  }
  return same(want, got, ids) ? [] : [`${where}: expected ${show(want)}, got ${show(got)}`]
}

function same(want: unknown, got: unknown, ids: Set<string>): boolean {
  if (want === UUID && typeof got === 'string' && UUID_SHAPE.test(got)) {
    ids.add(got)
    return true
  }
  return want === got
}

function at(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key]
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value)
}
