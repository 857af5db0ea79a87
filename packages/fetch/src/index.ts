export { methodNotAllowed, notFound, type RouteErrorOptions } from '@faultline/core/adapter'
export { type ReadJsonOptions, readJson } from './body'
export { ensureOk, type FetchResult, readResult } from './client'
export { type FetchHandler, type WithErrorsOptions, withErrors } from './handler'
