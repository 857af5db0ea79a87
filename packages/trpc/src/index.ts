export { fromTRPCClientError } from './client'
export { statusOfTRPCCode, TRPC_CODES, trpcCodeFor } from './codes'
export type {
  ErrorBodyOf,
  FaultlineErrorData,
  FaultlineErrorShape,
  FormatInput,
} from './formatter'
export type { FetchHandlerOptions } from './handler'
export type { ResponseMetaOptions } from './meta'
export { fromTRPCError, toTRPCError } from './normalize'
export type { TRPCErrorContext, TRPCErrorReporter, TRPCOnErrorInput } from './report'
export { queryRetryOptions, retryLinkOptions, type TRPCRetryOptions } from './retry'
export { createTRPCErrors, type TRPCErrors, type TRPCErrorsOptions } from './setup'
