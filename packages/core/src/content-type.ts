const JSON_SUBTYPE = /^application\/[\w.!#$%&'*^`|~-]+\+json$/

/**
 * Whether a `content-type` header names JSON: `application/json` or `application/<x>+json`, in
 * any case, with or without parameters such as `charset`.
 *
 * @example
 * ```ts
 * isJsonContentType('application/merge-patch+json; charset=utf-8') // true
 * isJsonContentType('text/plain') // false
 * ```
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase()
  return type === 'application/json' || JSON_SUBTYPE.test(type ?? '')
}
