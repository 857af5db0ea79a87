import { errors } from '../catalog'

/** The API key a request was made with. */
export interface Principal {
  readonly keyId: string
  readonly scope: 'read' | 'write'
  /** Writes a minute for this key, when it differs from the Worker's default. */
  readonly writeLimit: number | null
}

const BEARER = /^Bearer\s+(\S{1,200})\s*$/i

/**
 * The key of an `Authorization: Bearer <key>` header, or 401 `UNAUTHORIZED` when the header is
 * missing, malformed or names no key. Keys are looked up by their SHA-256: the secret itself is
 * never stored.
 *
 * @example
 * ```ts
 * const principal = await authenticate(env.DB, request.headers.get('authorization'))
 * ```
 */
export async function authenticate(
  db: D1Database,
  authorization: string | null,
): Promise<Principal> {
  if (!authorization) throw errors.create('UNAUTHORIZED', { message: 'Missing API key' })
  const secret = BEARER.exec(authorization)?.[1]
  if (!secret) {
    throw errors.create('UNAUTHORIZED', {
      message: 'Send the API key as "Authorization: Bearer <key>"',
    })
  }
  const row = await db
    .prepare('SELECT id, scope, write_limit_per_minute FROM api_keys WHERE key_hash = ?')
    .bind(await sha256(secret))
    .first<{ id: string; scope: 'read' | 'write'; write_limit_per_minute: number | null }>()
  if (!row) throw errors.create('UNAUTHORIZED', { message: 'Invalid API key' })
  return { keyId: row.id, scope: row.scope, writeLimit: row.write_limit_per_minute }
}

/**
 * Throws 403 `FORBIDDEN` unless the key may write.
 *
 * @example
 * ```ts
 * requireWrite(principal)
 * ```
 */
export function requireWrite(principal: Principal): void {
  if (principal.scope !== 'write') {
    throw errors.create('FORBIDDEN', { message: 'This API key is read-only' })
  }
}

/**
 * The SHA-256 of a string, as lowercase hex.
 *
 * @example
 * ```ts
 * await sha256('lc_test_admin') // '76a348ab…'
 * ```
 */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
