import {
  type ApiError,
  type Catalog,
  callReporter,
  defaultCatalog,
  type ErrorContext,
  type RequestIdOption,
  requestIdOf,
} from '@faultline/core/adapter'
import type { TRPCError, TRPCProcedureType } from '@trpc/server'
import { fromTRPCError, originalOf } from './normalize'
import { stateOf } from './state'

/** What the reporting hook is told of a tRPC error: core's context plus the call. */
export interface TRPCErrorContext extends ErrorContext {
  /** The request id the error response carries, when correlation is on. */
  readonly requestId?: string
  /** The procedure path, when the error came from a call. */
  readonly path?: string
  readonly type: TRPCProcedureType | 'unknown'
}

/**
 * The reporting hook. Core's `ErrorReporter` fits, so one reporter can serve every adapter.
 *
 * @example
 * ```ts
 * const onError: TRPCErrorReporter = (thrown, { expected, requestId }) => {
 *   if (!expected) console.error(requestId, thrown)
 * }
 * ```
 */
export type TRPCErrorReporter = (thrown: unknown, context: TRPCErrorContext) => void | Promise<void>

/** Options of {@link reportErrors}. */
export interface ReportErrorsOptions {
  /** The catalog `context.error` is mapped to. Defaults to core's default catalog. */
  readonly catalog?: Catalog
  /** Called once per error with what the procedure threw; `expected` is true for 4xx. */
  readonly onError?: TRPCErrorReporter
  /** Keeps an async hook alive past the response (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: (promise: Promise<unknown>) => void
  /**
   * Request-id correlation (core's `RequestIdOption`), off by default: the id, fixed once per
   * request, goes in `requestId` of each error body, the `x-request-id` header and the hook.
   */
  readonly requestId?: RequestIdOption
}

/** What tRPC's adapters pass to `onError`, reduced to what is read here. */
export interface TRPCOnErrorInput {
  readonly error: TRPCError
  readonly req: unknown
  readonly path?: string | undefined
  readonly type: TRPCProcedureType | 'unknown'
  readonly input?: unknown
}

/**
 * The `onError` of a tRPC adapter (`fetchRequestHandler`, the standalone server, …). It gives
 * each error its request id (so that body and header agree) and calls your hook once per error
 * with the original thrown value, never breaking the response if the hook throws or rejects.
 *
 * @example
 * ```ts
 * fetchRequestHandler({
 *   endpoint: '/trpc', req, router,
 *   onError: reportErrors({ catalog: errors, onError: (e, { expected }) => expected || log(e) }),
 *   responseMeta: responseMeta(),
 * })
 * ```
 */
export function reportErrors(options: ReportErrorsOptions = {}): (input: TRPCOnErrorInput) => void {
  const report = reporter(options)
  return (input) => report(input)
}

/**
 * The work of {@link reportErrors}, once per error: fix the request id, normalise the error
 * (`apiError` overrides that, for errors an adapter words itself) and call the hook.
 */
export function reporter(options: ReportErrorsOptions) {
  const option = options.requestId ?? false
  const catalog = options.catalog ?? defaultCatalog()
  return ({ error, req, path, type, input }: TRPCOnErrorInput, apiError?: ApiError): void => {
    try {
      const state = stateOf(error)
      if (state.reported) return
      const requestId = requestIdOf(req as Request, { requestId: option })
      state.requestId = requestId
      // normalised once: the formatter reuses it, so what is reported is what is answered
      const normalised = apiError ?? fromTRPCError(error, catalog, input)
      state.reported = { catalog, apiError: normalised }
      const context = {
        error: normalised,
        request: req instanceof Request ? req : undefined,
        expected: normalised.expected,
        requestId,
        path,
        type,
      }
      callReporter(options.onError, originalOf(error), context, { waitUntil: options.waitUntil })
    } catch {
      // a failing hook must not change the response
    }
  }
}
