export type { JsonSchemaConverter, SchemaOptions } from './data-schema'
export {
  type OpenApiDocument,
  type OpenApiDocumentOptions,
  type OpenApiMethod,
  type OpenApiOperation,
  openApiDocument,
} from './document'
export type { Json, JsonObject } from './json'
export { withErrorComponents } from './merge'
export { type ErrorComponents, errorResponses, openApiComponents } from './openapi'
export { type ReferenceOptions, renderErrorReference } from './reference'
