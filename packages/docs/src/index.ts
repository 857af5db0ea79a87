export type { Json, JsonObject } from './json'
export { withErrorComponents } from './merge'
export { type ErrorComponents, errorResponses, openApiComponents } from './openapi'
export { type ReferenceOptions, renderErrorReference } from './reference'
