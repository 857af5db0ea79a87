export type { CatalogResponses } from './client'
export { type DeclaredResponse, declares } from './declared'
export { errorBoundary, errorHandler, type NotFoundOptions, notFoundHandler } from './handler'
export type { ErrorHandlerOptions } from './render'
export {
  type ValidatedInput,
  type ValidationErrorBody,
  type ValidationErrorResponse,
  type ValidationResult,
  type ValidatorOptions,
  validationHook,
  validator,
} from './validation'
