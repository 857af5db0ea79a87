import type { Catalog, DefaultCatalog, RequestIdOption } from '@faultline/core/adapter'
import type { AnyTRPCRouter, TRPCErrorFormatter, TRPCErrorShape } from '@trpc/server'
import { type ErrorFormatterOptions, errorFormatter, type FaultlineErrorShape } from './formatter'
import { type FetchHandlerOptions, fetchHandler, type HandlerSetup } from './handler'
import { type ResponseMetaOptions, responseMeta } from './meta'
import { reporter, type TRPCErrorReporter, type TRPCOnErrorInput } from './report'

/** Options of {@link createTRPCErrors}: said once, for the formatter and the handler alike. */
export interface TRPCErrorsOptions<TCatalog extends Catalog, TShape>
  extends ErrorFormatterOptions<TCatalog, TShape> {
  /** Called once per error with what the procedure threw; `expected` is true for 4xx. */
  readonly onError?: TRPCErrorReporter
  /** Request-id correlation (core's `RequestIdOption`), off by default. */
  readonly requestId?: RequestIdOption
}

/** What {@link createTRPCErrors} gives: everything a tRPC app wires in, from one set of options. */
export interface TRPCErrors<TShape extends TRPCErrorShape> {
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
  TShape extends TRPCErrorShape = FaultlineErrorShape<TCatalog>,
>(options: TRPCErrorsOptions<TCatalog, TShape> = {}): TRPCErrors<TShape> {
  const { catalog, onError, requestId } = options
  const report = reporter({ catalog, onError, requestId })
  const setup: HandlerSetup = { catalog, report, responseMeta: responseMeta() }
  return {
    errorFormatter: errorFormatter(options),
    fetchHandler: (handler) => fetchHandler(handler, setup),
    onError: (input) => report(input),
    responseMeta: (own) => (own?.responseMeta ? responseMeta(own) : setup.responseMeta),
  }
}
