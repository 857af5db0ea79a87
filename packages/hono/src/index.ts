export type { CatalogResponses } from './client'
export { errorBoundary, errorHandler, notFoundHandler } from './handler'
export type { ErrorHandlerOptions } from './render'
export {
  type ValidatedInput,
  type ValidationErrorBody,
  type ValidationErrorResponse,
  type ValidationResult,
  validationHook,
  validator,
} from './validation'
