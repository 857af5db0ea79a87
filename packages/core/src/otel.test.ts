import { errors, SECRET } from '@faultline/test-catalog'
import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { toApiError } from './normalize'
import { traceErrors, traceRequestId } from './otel'
import { type RequestIdOption, requestIdOf } from './request-id'
import { type ErrorReporter, handleError } from './response'

const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(provider)
})
afterAll(() => {
  trace.disable()
  context.disable()
})
beforeEach(() => exporter.reset())

// A server as an instrumented runtime runs one: each request in its own active span, and the
// error path (core's handleError) inside it.
function serve(
  thrown: unknown,
  options: { onError: ErrorReporter; requestId?: RequestIdOption },
  init?: RequestInit,
): Promise<Response> {
  const request = new Request('http://x.test/api/v1/posts/7', init)
  return trace.getTracer('test').startActiveSpan('GET /api/v1/posts/:id', async (span) => {
    try {
      await Promise.resolve()
      // what every adapter does with its `requestId` option
      const option = options.requestId
      const requestId = option ? requestIdOf(request, { requestId: option }) : undefined
      return handleError(thrown, { request, catalog: errors, onError: options.onError, requestId })
    } finally {
      span.end()
    }
  })
}

function onlySpan() {
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  return spans[0] as NonNullable<(typeof spans)[0]>
}

describe('traceErrors', () => {
  it('leaves the span status of a 404 unset and records no exception', async () => {
    const response = await serve(errors.create('NOT_FOUND'), {
      onError: traceErrors({ trace }),
    })
    expect(response.status).toBe(404)
    const span = onlySpan()
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.events).toEqual([])
    expect(span.attributes).toEqual({ 'http.response.status_code': 404 })
  })

  it('sets ERROR on the span of a 500 and records the exception, scrubbed', async () => {
    const response = await serve(new Error(`Connection to ${SECRET} refused`), {
      onError: traceErrors({ trace }),
      requestId: () => 'req_42',
    })
    expect(response.status).toBe(500)
    const span = onlySpan()
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SERVER_ERROR' })
    expect(span.attributes).toEqual({
      'http.response.status_code': 500,
      'faultline.request_id': 'req_42',
      'error.type': 'SERVER_ERROR',
    })
    expect(span.events.map((event) => event.name)).toEqual(['exception'])
    const attributes = span.events[0]?.attributes ?? {}
    expect(attributes['exception.type']).toBe('Error')
    expect(attributes['exception.message']).toBe(
      'Connection to postgres://[redacted]@db.internal/prod refused',
    )
    expect(attributes['exception.stacktrace']).toMatch(/^Error: Connection to .*\n {4}at /)
    expect(JSON.stringify(span.events)).not.toContain('hunter2')
  })

  it('records a 503 from the catalog with its code as error.type', async () => {
    await serve(errors.create('UPSTREAM_DOWN'), { onError: traceErrors({ trace }) })
    const span = onlySpan()
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('UPSTREAM_DOWN')
    expect(span.events[0]?.attributes?.['exception.type']).toBe('ApiError')
  })

  it('takes the span from `span` over the active one, and does nothing without a span', async () => {
    const other = trace.getTracer('test').startSpan('other')
    await serve(new Error('boom'), { onError: traceErrors({ trace, span: () => other }) })
    other.end()
    const [active, picked] = exporter.getFinishedSpans()
    expect(active?.status.code).toBe(SpanStatusCode.UNSET)
    expect(picked?.status.code).toBe(SpanStatusCode.ERROR)
    // outside any span
    const response = handleError(new Error('boom'), { onError: traceErrors({ trace }) })
    expect(response.status).toBe(500)
  })

  it('never throws, even when the span does', () => {
    const span = () => {
      throw new Error('no tracer')
    }
    const onError = traceErrors({ span })
    const error = new Error('boom')
    expect(() => onError(error, { error: toApiError(error), expected: false })).not.toThrow()
  })
})

describe('traceRequestId', () => {
  it('sends the trace id as the request id in the body and the header', async () => {
    const response = await serve(new Error('boom'), {
      onError: traceErrors({ trace }),
      requestId: traceRequestId({ trace }),
    })
    const { traceId } = onlySpan().spanContext()
    expect(traceId).toMatch(/^[0-9a-f]{32}$/)
    expect(response.headers.get('x-request-id')).toBe(traceId)
    expect(await response.json()).toMatchObject({ requestId: traceId })
    expect(onlySpan().attributes['faultline.request_id']).toBe(traceId)
  })

  it('falls back to the incoming x-request-id outside a span', async () => {
    const request = new Request('http://x.test/', { headers: { 'x-request-id': 'client-1' } })
    const requestId = requestIdOf(request, { requestId: traceRequestId({ trace }) })
    const response = handleError(new Error('boom'), { request, requestId })
    expect(response.headers.get('x-request-id')).toBe('client-1')
  })
})
