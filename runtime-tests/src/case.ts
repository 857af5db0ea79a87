import type { AppName } from './apps'
import type { Expected } from './match'

/** The request a case makes, relative to `http://localhost`. */
export interface CaseRequest {
  readonly method?: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

/** One conformance case: which app, what to send, what must come back. */
export interface Case {
  readonly name: string
  readonly app: AppName
  readonly request: CaseRequest
  readonly expect: Expected
}

/** The headers every case checks, besides those a case adds (such as `www-authenticate`). */
export const checkedHeaders = [
  'content-type',
  'cache-control',
  'vary',
  'retry-after',
  'x-request-id',
  'allow',
] as const

/** Expected headers: every checked header absent unless given. */
export function headers(
  given: Readonly<Record<string, string | null>>,
): Record<string, string | null> {
  const all: Record<string, string | null> = {}
  for (const name of checkedHeaders) all[name] = null
  return { ...all, ...given }
}
