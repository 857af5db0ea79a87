import { type ApiError, toBody } from './error'
import type { ProblemDetails } from './wire'

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
 * one, else `about:blank`), `title` (the code's default message), `status`, `detail` (the public message),
 * `instance` (the request path), and `code`, `errors`, `data`, `requestId` as extensions.
 *
 * @example
 * ```ts
 * toProblem(errors.create('POST_NOT_FOUND'), { instance: '/api/v1/posts/7' })
 * // { type: 'about:blank', title: 'Post not found', status: 404, detail: 'Post not found',
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
  return {
    type: options.type ?? docUrl ?? 'about:blank',
    title: error.defaultMessage,
    status: error.status,
    detail: message,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...extensions,
  }
}
