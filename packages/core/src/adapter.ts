// The adapter door, `@faultline/core/adapter`: everything of the main entry, plus the pieces
// the adapters (@faultline/fetch, /hono, /trpc, /docs) are built from. App authors need none of
// it; adapter authors find one home here for each rule every adapter must follow.

export { BODY_LIMIT, type ReadBodyOptions, readJsonBody, readJsonText } from './body'
export { API_ERROR } from './brand'
export { docUrlOf } from './catalog'
export { retryAfterSeconds } from './client'
export { isJsonContentType } from './content-type'
export { defaultDescriptions } from './defaults'
export { type DrainOptions, drainBody } from './drain'
export { errorHeaders, isErrorStatus, MAX_MESSAGE_LENGTH, serialize, toBody } from './error'
export * from './index'
export { createError, defaultCatalog, type FromStatusOptions, fromStatus } from './normalize'
export { prefersProblemJson, statusPhrase, toProblem } from './problem'
export { isSafeRequestId } from './request-id'
export { callReporter, type RenderedError, reportAndRender } from './response'
export { methodNotAllowed, notFound, type RouteErrorOptions } from './routing'
export {
  type StandardIssue,
  type StandardResult,
  toJsonPointer,
  toValidationIssues,
  validationError,
} from './validation'
