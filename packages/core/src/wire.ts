/**
 * One problem with the request input, as sent in `errors[]` of a `VALIDATION_ERROR` body.
 * `path` is a JSON Pointer (RFC 6901) into the input: `/title`, `/tags/0`, or `""` for the whole.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { code: 'too_small', message: 'Too small', path: '/title' }
 * ```
 */
export interface ValidationIssue {
  readonly code: string
  readonly message: string
  readonly path: string
}

/**
 * The JSON body every adapter sends for an error. Members other than `code` and `message` are
 * present only when they apply.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { code: 'POST_NOT_FOUND', message: 'Post not found' }
 * ```
 */
export interface ErrorBody<C extends string = string, D = unknown> {
  readonly code: C
  readonly message: string
  readonly errors?: readonly ValidationIssue[]
  readonly data?: D
  /** A link to the code's section of the error reference, when the catalog has a `docUrl`. */
  readonly docUrl?: string
  readonly requestId?: string
}

/**
 * The body a typed client receives for one code: an {@link ErrorBody} whose `data` is always
 * there when the code declares its type.
 *
 * @example
 * ```ts
 * const body: CodeBody<'POST_NOT_FOUND', { postId: string }> = {
 *   code: 'POST_NOT_FOUND',
 *   message: 'Post not found',
 *   data: { postId: '7' },
 * }
 * ```
 */
export type CodeBody<C extends string, D> = ErrorBody<C, D> &
  (undefined extends D ? unknown : { readonly data: D })

/**
 * The RFC 9457 rendering of an error (`application/problem+json`), with the catalog members as
 * extensions.
 *
 * @example
 * ```ts
 * const problem: ProblemDetails = {
 *   type: 'about:blank', title: 'Not Found', status: 404, detail: 'Post not found',
 *   instance: '/api/v1/posts/7', code: 'POST_NOT_FOUND',
 * }
 * ```
 */
export interface ProblemDetails<C extends string = string, D = unknown> {
  /** The code's section of the error reference (its `docUrl`), else `about:blank`. */
  readonly type: string
  /** For `about:blank` the status phrase ("Not Found"), else the code's default message. */
  readonly title: string
  readonly status: number
  /** The message, as `message` of the JSON body. */
  readonly detail: string
  readonly instance?: string
  readonly code: C
  readonly errors?: readonly ValidationIssue[]
  readonly data?: D
  readonly requestId?: string
}
