export { BODY_LIMIT, type ReadBodyOptions, readJsonBody, readJsonText } from './body'
export { API_ERROR, isApiError } from './brand'
export {
  type ApiErrorOf,
  type Catalog,
  type CatalogOptions,
  type CodeOf,
  type CreateOptions,
  type DataFields,
  type DataOf,
  defineErrors,
  docLink,
  type ErrorDefinition,
  type ErrorDefinitions,
  fields,
} from './catalog'
export { type FailedResponse, parseError, parseErrorResponse, retryAfterSeconds } from './client'
export { isJsonContentType } from './content-type'
export { type DefaultCode, defaultDescriptions, defaultErrors } from './defaults'
export { type DrainOptions, drainBody } from './drain'
export {
  ApiError,
  type ApiErrorInit,
  errorHeaders,
  isErrorStatus,
  MAX_MESSAGE_LENGTH,
  serialize,
  toBody,
} from './error'
export {
  createError,
  type DefaultCatalog,
  defaultCatalog,
  fromStatus,
  toApiError,
} from './normalize'
export { prefersProblemJson, toProblem } from './problem'
export { isSafeRequestId, type RequestIdOption, requestIdOf } from './request-id'
export {
  callReporter,
  type ErrorContext,
  type ErrorReporter,
  type HandleErrorOptions,
  handleError,
  type RenderedError,
  type RenderOptions,
  renderError,
  toResponse,
} from './response'
export { methodNotAllowed, notFound, type RouteErrorOptions } from './routing'
export {
  type InferOutput,
  type StandardIssue,
  type StandardResult,
  type StandardSchemaV1,
  toJsonPointer,
  toValidationIssues,
  validate,
  validationError,
} from './validation'
export type { ErrorBody, ProblemDetails, ValidationIssue } from './wire'
