import {
  type ApiErrorOf,
  type Catalog,
  type CommonCode,
  type DefaultCatalog,
  declareErrors,
  defaultCatalog,
  type RequestIdOption,
} from '@faultline/core/adapter'
import type { AnyTRPCRouter, TRPCError, TRPCErrorFormatter, TRPCErrorShape } from '@trpc/server'
import { type ErrorFormatterOptions, errorFormatter, type FaultlineErrorShape } from './formatter'
import { type FetchHandlerOptions, fetchHandler, type HandlerSetup } from './handler'
import { type ResponseMetaOptions, responseMeta } from './meta'
import { reporter, type TRPCErrorReporter, type TRPCOnErrorInput } from './report'
import { stateOf } from './state'

/** The codes of a catalog. */
type CodesOf<TCatalog extends Catalog> = ApiErrorOf<TCatalog>['code']

/** The codes every procedure may answer: `common` when given, else all of them. */
type RootCodes<K> = [K] extends [never] ? string : K

/** Options of {@link createTRPCErrors}: said once, for the formatter and the handler alike. */
export interface TRPCErrorsOptions<TCatalog extends Catalog, TShape, TCommon = never>
  extends ErrorFormatterOptions<TCatalog, TShape> {
  /** Called once per error with what the procedure threw; `expected` is true for 4xx. */
  readonly onError?: TRPCErrorReporter
  /** Request-id correlation (core's `RequestIdOption`), off by default. */
  readonly requestId?: RequestIdOption
  /**
   * The codes every procedure may answer. Given, the router's error shape holds only these, and
   * each procedure adds its own with `.errors(trpcErrors.declare(…))`: a client's error then
   * narrows per procedure. Left out, every procedure is typed with the whole catalog.
   */
  readonly common?: readonly TCommon[]
  /**
   * An error a procedure did not declare is answered as it is (`'answer'`, the default) and
   * reported with `undeclared: true`, or (`'fail'`, for tests) answered 500 `SERVER_ERROR`.
   */
  readonly undeclared?: 'answer' | 'fail'
}

/**
 * A procedure's `.errors()` formatter that declares its codes: typed with them for the client,
 * it leaves the shape to the router's formatter (so nothing of redaction, statuses or headers
 * changes) and marks an error it does not list as undeclared.
 */
export type DeclaredErrorsFormatter<TShape> = (options: { error: TRPCError }) => TShape | undefined

/** What {@link createTRPCErrors} gives: everything a tRPC app wires in, from one set of options. */
export interface TRPCErrors<
  TShape extends TRPCErrorShape,
  TCatalog extends Catalog = Catalog,
  TCommon extends string = string,
> {
  /** For `initTRPC.create({ errorFormatter })`. */
  readonly errorFormatter: TRPCErrorFormatter<unknown, TShape>
  /**
   * tRPC's `fetchRequestHandler` with Faultline's request model (404, 405 with `Allow`, core's
   * body reader, one 400 for a batch too large), with reporting, error headers and request ids
   * wired in.
   */
  fetchHandler<TRouter extends AnyTRPCRouter>(
    options: FetchHandlerOptions<TRouter>,
  ): Promise<Response>
  /** For tRPC's other adapters (standalone, Express, …): their `onError`. */
  readonly onError: (input: TRPCOnErrorInput) => void
  /** For tRPC's other adapters: their `responseMeta`, keeping the headers of your own. */
  responseMeta<TRouter extends AnyTRPCRouter>(
    options?: ResponseMetaOptions<TRouter>,
  ): ReturnType<typeof responseMeta<TRouter>>
  /**
   * The errors one procedure may answer besides the common ones, for its `.errors()`:
   * `t.procedure.errors(trpcErrors.declare('POST_NOT_FOUND'))`. Put it before `.input()` and the
   * middlewares whose errors it should see. An unknown code throws now.
   */
  declare<const C extends CodesOf<TCatalog>>(
    ...codes: C[]
  ): DeclaredErrorsFormatter<FaultlineErrorShape<TCatalog, C | TCommon>>
}

/**
 * The one tRPC setup: the error formatter for `initTRPC.create` and the Fetch handler (or, for
 * tRPC's other adapters, their `onError` and `responseMeta`), from one set of options. Its
 * parts are made once, here; no state is kept between requests: what they share travels on
 * each error.
 *
 * @example
 * ```ts
 * const trpcErrors = createTRPCErrors({ catalog: errors, onError: report, requestId: true })
 * const t = initTRPC.create({ errorFormatter: trpcErrors.errorFormatter })
 * export default {
 *   fetch: (req: Request) => trpcErrors.fetchHandler({ endpoint: '/trpc', req, router }),
 * }
 * ```
 */
export function createTRPCErrors<
  TCatalog extends Catalog = DefaultCatalog,
  const TCommon extends CodesOf<TCatalog> = never,
  TShape extends TRPCErrorShape = FaultlineErrorShape<TCatalog, RootCodes<TCommon>>,
>(
  options: TRPCErrorsOptions<TCatalog, TShape, TCommon> = {},
): TRPCErrors<
  TShape,
  TCatalog,
  [TCommon] extends [never] ? CommonCode<TCatalog['definitions']> : TCommon
> {
  const { catalog, onError, requestId, common, undeclared } = options
  const report = reporter({ catalog, onError, requestId, undeclared })
  const setup: HandlerSetup = { catalog, report, responseMeta: responseMeta() }
  return {
    errorFormatter: errorFormatter(options),
    fetchHandler: (handler) => fetchHandler(handler, setup),
    onError: (input) => report(input),
    responseMeta: (own) => (own?.responseMeta ? responseMeta(own) : setup.responseMeta),
    declare: (...codes) => {
      const declared = declareErrors(catalog ?? (defaultCatalog() as Catalog), codes, { common })
      return ({ error }) => {
        stateOf(error).declared = declared
        return undefined
      }
    },
  }
}
