import { type ApiError, toBody } from './error'
import type { ProblemDetails } from './wire'

/**
 * How an error answer turns into Problem Details: the Problem Details of the error when the
 * request asks for them, else `undefined` (the JSON body). The type of the `problemDetails`
 * option; pass core's {@link problemDetails}.
 */
export type ProblemDetailsRenderer = (
  error: ApiError,
  request: Request,
  options: { readonly requestId?: string; readonly exposeServerErrors?: boolean },
) => ProblemDetails | undefined

/**
 * RFC 9457 Problem Details, opt-in: pass it as the `problemDetails` option of `handleError` (or
 * of an adapter) and a request whose `Accept` prefers `application/problem+json` is answered
 * with them (`content-type: application/problem+json`, `instance` the request path). Left out,
 * every error answer is the JSON body, and a Worker does not carry this code.
 *
 * @example
 * ```ts
 * import { handleError, problemDetails } from '@faultline/core'
 *
 * return handleError(thrown, { request, catalog: errors, problemDetails })
 * ```
 */
export const problemDetails: ProblemDetailsRenderer = (error, request, options) =>
  prefersProblemJson(request.headers.get('accept'))
    ? toProblem(error, { ...options, instance: pathOf(request.url) })
    : undefined

/**
 * Whether an `Accept` header prefers `application/problem+json` over `application/json`
 * (q-values honoured; on a tie the explicitly listed problem type wins).
 *
 * @example
 * ```ts
 * prefersProblemJson('application/problem+json') // true
 * prefersProblemJson('application/json, application/problem+json;q=0.5') // false
 * prefersProblemJson('*\/*') // false
 * ```
 */
export function prefersProblemJson(accept: string | null | undefined): boolean {
  const value = accept?.toLowerCase()
  if (!value?.includes('problem')) return false
  let problem = 0
  let json = 0
  for (const part of value.split(',')) {
    const [range = '', ...params] = part.split(';')
    const type = range.trim()
    let q = 1
    for (const param of params) {
      const [name, weight] = param.split('=')
      if (name?.trim() === 'q') q = Number(weight) || 0
    }
    if (type === 'application/problem+json') problem = Math.max(problem, q)
    else if (type === 'application/json' || type === 'application/*' || type === '*/*') {
      json = Math.max(json, q)
    }
  }
  return problem > 0 && problem >= json
}

/**
 * The RFC 9457 Problem Details of an error: `type` (the code's `docUrl` when the catalog has
 * one, else `about:blank`), `title` (for `about:blank` the status phrase, RFC 9457 §4.2.1, else
 * the code's default message), `status`, `detail` (the public message), `instance` (the request
 * path), and `code`, `errors`, `data`, `requestId` as extensions.
 *
 * @example
 * ```ts
 * toProblem(errors.create('POST_NOT_FOUND'), { instance: '/api/v1/posts/7' })
 * // { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Post not found',
 * //   instance: '/api/v1/posts/7', code: 'POST_NOT_FOUND' }
 * ```
 */
export function toProblem<C extends string, D>(
  error: ApiError<C, D>,
  options: {
    instance?: string
    requestId?: string
    exposeServerErrors?: boolean
    type?: string
  } = {},
): ProblemDetails<C, D> {
  const { message, docUrl, ...extensions } = toBody(error, options)
  const type = options.type ?? docUrl ?? 'about:blank'
  return {
    type,
    // RFC 9457 §4.2.1: a blank type means the status alone, so the title is its phrase.
    title: type === 'about:blank' ? statusPhrase(error.status) : error.defaultMessage,
    status: error.status,
    detail: message,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...extensions,
  }
}

// The request path as Problem Details `instance`, unless it is long enough to be an echo attack.
function pathOf(url: string): string | undefined {
  try {
    const path = new URL(url).pathname
    return path.length <= MAX_INSTANCE_LENGTH ? path : undefined
  } catch {
    return undefined
  }
}

const MAX_INSTANCE_LENGTH = 256

// The reason phrases of the 4xx and 5xx statuses registered with IANA (RFC 9110 and the RFCs it
// lists), `|`-separated from 400 and from 500; an empty slot is an unassigned status.
const PHRASES = [
  'Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Proxy Authentication Required|Request Timeout|Conflict|Gone|Length Required|Precondition Failed|Content Too Large|URI Too Long|Unsupported Media Type|Range Not Satisfiable|Expectation Failed||||Misdirected Request|Unprocessable Content|Locked|Failed Dependency|Too Early|Upgrade Required||Precondition Required|Too Many Requests||Request Header Fields Too Large',
  'Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout|HTTP Version Not Supported|Variant Also Negotiates|Insufficient Storage|Loop Detected||Not Extended|Network Authentication Required',
]

/**
 * The reason phrase of an error status (RFC 9110, "Not Found" for 404), or its class ("Client
 * Error", "Server Error") for a status with none: the `title` of an `about:blank` problem.
 *
 * @example
 * ```ts
 * statusPhrase(404) // 'Not Found'
 * statusPhrase(499) // 'Client Error'
 * ```
 */
export function statusPhrase(status: number): string {
  return (
    (status === 451
      ? 'Unavailable For Legal Reasons'
      : PHRASES[Math.floor(status / 100) - 4]?.split('|')[status % 100]) ||
    (status < 500 ? 'Client Error' : 'Server Error')
  )
}
