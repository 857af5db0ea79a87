import {
  type ApiError,
  type Catalog,
  callReporter,
  defaultCatalog,
  type ErrorContext,
  fromStatus,
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

/** What the reporter is made with: the setup's options. */
export interface ReporterOptions {
  /** The catalog `context.error` is mapped to. Defaults to core's default catalog. */
  readonly catalog?: Catalog
  /** Called once per error with what the procedure threw; `expected` is true for 4xx. */
  readonly onError?: TRPCErrorReporter
  /**
   * Request-id correlation (core's `RequestIdOption`), off by default: the id, fixed once per
   * request, goes in `requestId` of each error body, the `x-request-id` header and the hook.
   */
  readonly requestId?: RequestIdOption
  /** An undeclared error: answered as it is (the default) or as a 500 (`'fail'`). */
  readonly undeclared?: 'answer' | 'fail' | undefined
}

/** What tRPC's adapters pass to `onError`, reduced to what is read here. */
export interface TRPCOnErrorInput {
  readonly error: TRPCError
  readonly req: unknown
  readonly path?: string | undefined
  readonly type: TRPCProcedureType | 'unknown'
  readonly input?: unknown
}

/** What a handler knows of an error that tRPC's `onError` input does not say. */
export interface ReportExtra {
  /** The request the client sent, when tRPC was handed a stand-in. */
  readonly req?: unknown
  /** Keeps an async hook alive past the response (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: (promise: Promise<unknown>) => void
  /** The catalog error to report and answer, for errors a handler words itself. */
  readonly apiError?: ApiError
}

/** Reports one error: see {@link reporter}. */
export type Reporter = (input: TRPCOnErrorInput, extra?: ReportExtra) => void

/**
 * The `onError` work, made once per setup and run once per error: fix the request id, normalise
 * the error and call the hook with the original thrown value, never breaking the response if
 * the hook throws or rejects. What it made travels on the error, for the formatter and
 * `responseMeta`, so that body and header agree and nothing is normalised twice.
 */
export function reporter(options: ReporterOptions): Reporter {
  const option = options.requestId ?? false
  const catalog = options.catalog ?? defaultCatalog()
  return ({ error, req: given, path, type, input }, extra = {}) => {
    try {
      const state = stateOf(error)
      if (state.reported) return
      const req = extra.req ?? given
      const requestId = requestIdOf(req as Request, { requestId: option })
      state.requestId = requestId
      // normalised once: the formatter reuses it, so what is reported is what is answered
      let normalised = extra.apiError ?? fromTRPCError(error, { catalog, input })
      const undeclared = state.declared ? !state.declared.has(normalised.code) : undefined
      if (undeclared && options.undeclared === 'fail') {
        normalised = fromStatus(500, { catalog, cause: originalOf(error) })
      }
      state.reported = { catalog, apiError: normalised }
      const context = {
        error: normalised,
        request: req instanceof Request ? req : undefined,
        expected: normalised.expected,
        requestId,
        path,
        type,
        undeclared,
      }
      callReporter(options.onError, originalOf(error), context, { waitUntil: extra.waitUntil })
    } catch {
      // a failing hook must not change the response
    }
  }
}
