// Scrubbing for what leaves the process on the server side (log lines, span events): the same
// rules for @faultline/core/log and @faultline/core/otel.

/** What a scrubbed secret is replaced with. */
export const REDACTED = '[redacted]'

// `scheme://user:pass@` and `scheme://token@`: the whole user info goes.
const URL_CREDENTIALS = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]+@/gi
// `Bearer abc.def`, `Basic dXNlcjpwYXNz` in a message.
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi
// `?api_key=…`, `&token=…`, `password=…` in a URL or a message: the value goes.
const SECRET_PARAM =
  /\b((?:api[_-]?key|access[_-]?token|refresh[_-]?token|token|secret|password|passwd|pwd)=)[^&\s#]+/gi
// Header names whose values are credentials: authorization, cookies, API keys, tokens.
const SECRET_HEADER = /auth|cookie|key|token|secret|session|password|signature/i

/** A scrubber: the built-in rules plus the patterns an app configures. */
export type Scrub = (text: string) => string

/**
 * Makes the scrubber for a list of app patterns (each match is replaced; a pattern without the
 * `g` flag is used as if it had it). Never throws.
 */
export function scrubber(patterns: readonly RegExp[] = []): Scrub {
  const global = patterns.map((pattern) =>
    pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`),
  )
  return (text) => {
    try {
      let out = text
        .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
        .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
        .replace(SECRET_PARAM, `$1${REDACTED}`)
      for (const pattern of global) out = out.replace(pattern, REDACTED)
      return out
    } catch {
      return REDACTED
    }
  }
}

/** Whether a header's value is a credential, to be logged as `[redacted]`. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name)
}
