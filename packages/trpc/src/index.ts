export { fromTRPCClientError } from './client'
export type {
  ErrorBodyOf,
  FaultlineErrorData,
  FaultlineErrorShape,
  FormatInput,
} from './formatter'
export type { FetchHandlerOptions } from './handler'
export type { ResponseMetaOptions } from './meta'
export { type FromTRPCErrorOptions, fromTRPCError, toTRPCError } from './normalize'
export type { TRPCErrorContext, TRPCErrorReporter, TRPCOnErrorInput } from './report'
export { queryRetryOptions, retryLinkOptions, type TRPCRetryOptions } from './retry'
export { createTRPCErrors, type TRPCErrors, type TRPCErrorsOptions } from './setup'
