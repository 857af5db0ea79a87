import { defaultErrors, defineErrors } from '@faultline/core'
import { type ErrorLogRecord, logErrors } from '@faultline/core/log'
import { traceErrors, traceRequestId } from '@faultline/core/otel'
import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { errorHandler, notFoundHandler } from './index'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const exporter = new InMemorySpanExporter()
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  )
})
afterAll(() => {
  trace.disable()
  context.disable()
})
beforeEach(() => exporter.reset())

// A Hono app whose requests each run in a server span (as an instrumented runtime makes them),
// reporting errors to the log and to the span.
function tracedApp(options: { traceIdAsRequestId?: boolean } = {}) {
  const logger = { error: vi.fn(), warn: vi.fn() }
  const log = logErrors({ logger })
  const onSpan = traceErrors({ trace })
  const app = new Hono()
  app.use(async (c, next) => {
    await trace.getTracer('http').startActiveSpan(`${c.req.method} ${c.req.path}`, async (span) => {
      try {
        await next()
      } finally {
        span.end()
      }
    })
  })
  app.get('/posts/:id', (c) => {
    if (c.req.param('id') === 'boom') throw new Error('Connection to the database refused')
    throw errors.create('POST_NOT_FOUND')
  })
  app.notFound(notFoundHandler({ catalog: errors }))
  app.onError(
    errorHandler({
      catalog: errors,
      requestId: options.traceIdAsRequestId ? traceRequestId({ trace }) : true,
      onError: (thrown, context) => {
        log(thrown, context)
        onSpan(thrown, context)
      },
    }),
  )
  return { app, logger }
}

function onlySpan() {
  const spans = exporter.getFinishedSpans()
  expect(spans).toHaveLength(1)
  return spans[0] as NonNullable<(typeof spans)[0]>
}

describe('traceErrors in a Hono app', () => {
  it('leaves the span status of a 404 unset', async () => {
    const { app } = tracedApp()
    const response = await app.request('/posts/7', { headers: { 'x-request-id': 'r-404' } })
    expect(response.status).toBe(404)
    const span = onlySpan()
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.events).toEqual([])
    expect(span.attributes).toEqual({
      'http.response.status_code': 404,
      'faultline.request_id': 'r-404',
    })
  })

  it('sets ERROR on the span of a 500, with the exception recorded', async () => {
    const { app, logger } = tracedApp()
    const response = await app.request('/posts/boom', {
      headers: { 'x-request-id': 'trace-me-123' },
    })
    expect(response.status).toBe(500)
    const span = onlySpan()
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SERVER_ERROR' })
    expect(span.attributes).toMatchObject({
      'error.type': 'SERVER_ERROR',
      'http.response.status_code': 500,
      'faultline.request_id': 'trace-me-123',
    })
    expect(span.events.map((event) => event.attributes?.['exception.message'])).toEqual([
      'Connection to the database refused',
    ])
    // the log line carries the same request id
    expect(logger.error).toHaveBeenCalledTimes(1)
    const record = logger.error.mock.calls[0]?.[0] as ErrorLogRecord
    expect(record).toMatchObject({ requestId: 'trace-me-123', code: 'SERVER_ERROR', status: 500 })
  })

  it('answers with the trace id as request id when asked', async () => {
    const { app, logger } = tracedApp({ traceIdAsRequestId: true })
    const response = await app.request('/posts/boom')
    const { traceId } = onlySpan().spanContext()
    expect(response.headers.get('x-request-id')).toBe(traceId)
    expect(await response.json()).toMatchObject({ code: 'SERVER_ERROR', requestId: traceId })
    expect(logger.error.mock.calls[0]?.[0]).toMatchObject({ requestId: traceId })
  })
})
