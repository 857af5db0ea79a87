import { type Catalog, defaultCatalog, type ErrorContext } from '@faultline/core'
import type { TRPCError, TRPCProcedureType } from '@trpc/server'
import { fromTRPCError, originalOf } from './normalize'
import { requestIdOf, setErrorRequestId, setReported } from './state'

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
   * Request-id correlation: the incoming header to reuse when it is a safe token (else a UUID is
   * made), sent back as `requestId` in the body and as `x-request-id`. `false` turns it off.
   * @default 'x-request-id'
   */
  readonly requestId?: string | false
}

/** What tRPC's adapters pass to `onError`, reduced to what is read here. */
export interface TRPCOnErrorInput {
  readonly error: TRPCError
  readonly req: unknown
  readonly path?: string | undefined
  readonly type: TRPCProcedureType | 'unknown'
  readonly input?: unknown
}

const reported = new WeakSet<object>()

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
  const header = options.requestId ?? 'x-request-id'
  return ({ error, req, path, type, input }) => {
    try {
      if (reported.has(error)) return
      reported.add(error)
      const requestId = header === false ? undefined : requestIdOf(req, header)
      if (requestId !== undefined) setErrorRequestId(error, requestId)
      if (!options.onError) return
      // normalised once: the formatter reuses it, so what is reported is what is answered
      const catalog = options.catalog ?? defaultCatalog()
      const apiError = fromTRPCError(error, catalog, input)
      setReported(error, catalog, apiError)
      const result = options.onError(originalOf(error), {
        error: apiError,
        request: req instanceof Request ? req : undefined,
        expected: apiError.expected,
        requestId,
        path,
        type,
      })
      if (result && typeof result.then === 'function') {
        const settled = Promise.resolve(result).catch(() => {})
        options.waitUntil?.(settled)
      }
    } catch {
      // a failing hook must not change the response
    }
  }
}
