// `@faultline/core/otel`: errors on OpenTelemetry spans. Core has no run-time dependencies, so
// nothing of `@opentelemetry/api` is imported here but its types: the app hands in its `trace`.
import type { Span, SpanStatusCode } from '@opentelemetry/api'
import { summarize } from './cause'
import type { RequestIdOption } from './request-id'
import type { ErrorReporter } from './response'
import { scrubber } from './scrub'

/** Where the span comes from: `trace` of `@opentelemetry/api`, or anything with its getter. */
export interface ActiveSpanSource {
  getActiveSpan(): Span | undefined
}

/**
 * Options of {@link traceErrors}.
 *
 * @example
 * ```ts
 * import { trace } from '@opentelemetry/api'
 *
 * traceErrors({ trace, redact: [/sk_live_\w+/] })
 * ```
 */
export interface TraceErrorsOptions {
  /** `trace` of `@opentelemetry/api`: errors land on its active span. */
  readonly trace?: ActiveSpanSource
  /** The span of a request, when it is not the active one (it wins over `trace`). */
  readonly span?: (request: Request | undefined) => Span | undefined
  /** More secrets to scrub from the recorded exception (URL credentials always are). */
  readonly redact?: readonly RegExp[]
}

// `SpanStatusCode.ERROR`: the enum is a run-time object of the API, so its value is written out.
const ERROR = 2 as SpanStatusCode.ERROR

/**
 * A reporting hook that puts each error on the request's span, following OpenTelemetry's HTTP
 * conventions for servers: every error sets `http.response.status_code` (and
 * `faultline.request_id` when correlation is on); a 5xx also records the exception (scrubbed,
 * as `exception` event), sets `error.type` to the catalog code and the span status to ERROR
 * with the code as message. A 4xx is the client's: the span status stays unset. Pass it as
 * `onError` to any adapter; with no span, it does nothing. Never throws.
 *
 * @example
 * ```ts
 * import { trace } from '@opentelemetry/api'
 * import { traceErrors } from '@faultline/core/otel'
 *
 * app.onError(errorHandler({ catalog: errors, requestId: true, onError: traceErrors({ trace }) }))
 * ```
 */
export function traceErrors(options: TraceErrorsOptions): ErrorReporter {
  const scrub = scrubber(options.redact)
  return (thrown, { error, request, requestId, expected }) => {
    try {
      const span = options.span ? options.span(request) : options.trace?.getActiveSpan()
      if (!span) return
      span.setAttribute('http.response.status_code', error.status)
      if (requestId !== undefined) span.setAttribute('faultline.request_id', requestId)
      if (expected) return
      const { name, message, stack } = summarize(thrown, scrub, { frames: 50, depth: 0 })
      const frames = stack ? stack.map((frame) => `\n    ${frame}`).join('') : ''
      span.recordException({ name, message, stack: `${name}: ${message}${frames}` })
      span.setAttribute('error.type', error.code)
      span.setStatus({ code: ERROR, message: error.code })
    } catch {
      // a tracer that throws must not break the response (callReporter guards it too)
    }
  }
}

/**
 * A request-id option that makes the trace id the request id: the error body's `requestId` and
 * the `x-request-id` header then carry the id an operator looks up in the tracing backend. No
 * active span (or an invalid one) falls back to the usual rule (a safe incoming `x-request-id`,
 * else a UUID). The id is fixed on first use per request, so the span must be active by then.
 *
 * @example
 * ```ts
 * import { trace } from '@opentelemetry/api'
 * import { traceRequestId } from '@faultline/core/otel'
 *
 * app.onError(errorHandler({ catalog: errors, requestId: traceRequestId({ trace }) }))
 * ```
 */
export function traceRequestId(options: { readonly trace: ActiveSpanSource }): RequestIdOption {
  return () => {
    const traceId = options.trace.getActiveSpan()?.spanContext().traceId
    return traceId && !/^0+$/.test(traceId) ? traceId : undefined
  }
}
