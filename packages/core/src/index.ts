// The main door, for app authors: the catalog, the error, recognising and normalising it, the
// one function that turns anything thrown into a response, validation, request ids, the client
// parse and its retry policy. What only adapters need is behind `@faultline/core/adapter`.
export { isApiError } from './brand'
export {
  type ApiErrorOf,
  type Catalog,
  type CatalogOption,
  type CatalogOptions,
  type CodeOf,
  type CreateOptions,
  type DataFields,
  type DataOf,
  defineErrors,
  type ErrorDefinition,
  type ErrorDefinitions,
  fields,
} from './catalog'
export { type FailedResponse, parseError, parseErrorResponse, type ResponseLike } from './client'
export {
  type CommonCode,
  type DeclaredErrorOf,
  type DeclaredErrors,
  declareErrors,
} from './declared'
export { type DefaultCode, defaultErrors } from './defaults'
export { ApiError, type ApiErrorInit } from './error'
export { type DefaultCatalog, toApiError } from './normalize'
export { type ProblemDetailsRenderer, problemDetails } from './problem'
export { type RequestIdOption, requestIdOf } from './request-id'
export {
  type ErrorContext,
  type ErrorReporter,
  type HandleErrorOptions,
  handleError,
  type RenderOptions,
} from './response'
export { type RetryOptions, retryDelay, shouldRetry } from './retry'
export { type InferOutput, type StandardSchemaV1, validate } from './validation'
export type { CodeBody, ErrorBody, ProblemDetails, ValidationIssue } from './wire'
