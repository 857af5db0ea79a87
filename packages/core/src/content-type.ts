const JSON_SUBTYPE = /^application\/[\w.!#$%&'*^`|~-]+\+json$/
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i

/**
 * Whether a `content-type` header names JSON: `application/json` or `application/<x>+json`, in
 * any case, with or without parameters; a `charset`, if any, must be UTF-8 (RFC 8259 §8.1).
 *
 * @example
 * ```ts
 * isJsonContentType('application/merge-patch+json; charset=utf-8') // true
 * isJsonContentType('application/json; charset=iso-8859-1') // false
 * isJsonContentType('text/plain') // false
 * ```
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (typeof header !== 'string') return false
  const type = header.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/json' && !JSON_SUBTYPE.test(type)) return false
  const charset = CHARSET.exec(header)?.[1]?.toLowerCase()
  return charset === undefined || charset === 'utf-8' || charset === 'utf8'
}
