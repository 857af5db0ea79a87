import type { Catalog, DefaultCatalog, RequestIdOption } from '@faultline/core/adapter'
import type { AnyTRPCRouter, TRPCErrorFormatter, TRPCErrorShape } from '@trpc/server'
import { type ErrorFormatterOptions, errorFormatter, type FaultlineErrorShape } from './formatter'
import { type FetchHandlerOptions, fetchHandler } from './handler'
import { type ResponseMetaOptions, responseMeta } from './meta'
import { type ReportErrorsOptions, reportErrors, type TRPCOnErrorInput } from './report'

/** Options of {@link createTRPCErrors}: said once, for the formatter and the handler alike. */
export interface TRPCErrorsOptions<TCatalog extends Catalog, TShape>
  extends ErrorFormatterOptions<TCatalog, TShape>,
    Pick<ReportErrorsOptions, 'onError'> {
  /** Request-id correlation (core's `RequestIdOption`), off by default. */
  readonly requestId?: RequestIdOption
}

/** What {@link createTRPCErrors} gives: everything a tRPC app wires in, from one set of options. */
export interface TRPCErrors<TCatalog extends Catalog, TShape extends TRPCErrorShape> {
  /** For `initTRPC.create({ errorFormatter })`. */
  readonly errorFormatter: TRPCErrorFormatter<unknown, TShape>
  /** tRPC's `fetchRequestHandler` with Faultline's request model: see {@link fetchHandler}. */
  fetchHandler<TRouter extends AnyTRPCRouter>(
    options: Omit<FetchHandlerOptions<TRouter>, keyof TRPCErrorsOptions<TCatalog, TShape>>,
  ): Promise<Response>
  /** For tRPC's other adapters (standalone, Express, …): their `onError`. */
  readonly onError: (input: TRPCOnErrorInput) => void
  /** For tRPC's other adapters: their `responseMeta`. */
  responseMeta<TRouter extends AnyTRPCRouter>(
    options?: ResponseMetaOptions<TRouter>,
  ): ReturnType<typeof responseMeta<TRouter>>
}

/**
 * The one tRPC setup: the error formatter for `initTRPC.create` and the Fetch handler (or, for
 * tRPC's other adapters, their `onError` and `responseMeta`), from one set of options. No state
 * is kept between requests: what the parts share travels on each error.
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
>(options: TRPCErrorsOptions<TCatalog, TShape> = {}): TRPCErrors<TCatalog, TShape> {
  const { catalog, onError, requestId } = options
  return {
    errorFormatter: errorFormatter(options),
    fetchHandler: (handler) => fetchHandler({ ...handler, catalog, onError, requestId }),
    onError: reportErrors({ catalog, onError, requestId }),
    responseMeta,
  }
}
