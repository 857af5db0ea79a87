export { fromTRPCClientError } from './client'
export { statusOfTRPCCode, TRPC_CODES, trpcCodeFor } from './codes'
export {
  type ErrorBodyOf,
  type ErrorFormatterOptions,
  errorFormatter,
  type FaultlineErrorData,
  type FaultlineErrorShape,
  type FormatInput,
} from './formatter'
export { type FetchHandlerOptions, fetchHandler } from './handler'
export { type ResponseMetaOptions, responseMeta } from './meta'
export { fromTRPCError, toTRPCError } from './normalize'
export {
  type ReportErrorsOptions,
  reportErrors,
  type TRPCErrorContext,
  type TRPCErrorReporter,
  type TRPCOnErrorInput,
} from './report'
export { queryRetryOptions, retryLinkOptions, type TRPCRetryOptions } from './retry'
export { createTRPCErrors, type TRPCErrors, type TRPCErrorsOptions } from './setup'
