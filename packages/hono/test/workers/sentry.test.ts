import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../recipes/sentry-cloudflare'

// The README's Sentry recipe for Workers, run by workerd the way it calls a Worker, with the
// transport's `fetch` replaced: nothing leaves the runtime.
const env = { SENTRY_DSN: 'https://public@sentry.example.com/1' }

function sentToSentry(): { tags?: Record<string, unknown> }[] {
  const events: { tags?: Record<string, unknown> }[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
    const lines = String(init?.body).split('\n').filter(Boolean)
    for (let i = 1; i < lines.length; i += 2) {
      const header = JSON.parse(lines[i] ?? '{}') as { type?: string }
      if (header.type === 'event') events.push(JSON.parse(lines[i + 1] ?? '{}'))
    }
    return new Response('{}', { status: 200 })
  })
  return events
}

async function call(path: string, requestId: string): Promise<Response> {
  const ctx = createExecutionContext()
  const fetch = worker.fetch as unknown as (r: Request, e: object, c: object) => Promise<Response>
  const request = new Request(`https://feedback.example${path}`, {
    headers: { 'x-request-id': requestId },
  })
  const response = await fetch(request, env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the Sentry recipe in workerd', () => {
  it('sends one event per 5xx with the request id, none per 4xx', async () => {
    const events = sentToSentry()
    expect((await call('/posts/7', 'r-404')).status).toBe(404)
    expect((await call('/posts/boom', 'trace-me-123')).status).toBe(500)
    expect(events.map((event) => event.tags?.request_id)).toEqual(['trace-me-123'])
  })
})
