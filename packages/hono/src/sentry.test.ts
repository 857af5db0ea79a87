import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../test/recipes/sentry-cloudflare'

const DSN = 'https://public@sentry.example.com/1'

interface SentEvent {
  readonly tags?: Record<string, unknown>
  readonly exception?: { values?: { type?: string; value?: string }[] }
}

// Sentry's Workers transport posts each envelope with `fetch`: replaced here, so nothing leaves
// the process, and the events of every envelope are kept. An envelope is newline-delimited
// JSON: its header, then an item header and its payload per item.
function sentToSentry(): SentEvent[] {
  const events: SentEvent[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    expect(String(input)).toMatch(/^https:\/\/sentry\.example\.com\/api\/1\/envelope\//)
    const body = init?.body
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array)
    const lines = text.split('\n').filter(Boolean)
    for (let i = 1; i < lines.length; i += 2) {
      const header = JSON.parse(lines[i] ?? '{}') as { type?: string }
      if (header.type === 'event') events.push(JSON.parse(lines[i + 1] ?? '{}') as SentEvent)
    }
    return new Response('{}', { status: 200 })
  })
  return events
}

// A request as workerd hands it to the Worker, waiting for what it keeps alive (the flush).
async function call(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const pending: Promise<unknown>[] = []
  const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException() {} }
  const fetch = worker.fetch as unknown as (r: Request, e: object, c: object) => Promise<Response>
  const response = await fetch(
    new Request(`http://w.test${path}`, { headers }),
    { SENTRY_DSN: DSN },
    ctx,
  )
  await Promise.all(pending)
  return response
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the Sentry recipe for Workers (@sentry/cloudflare withSentry around a Hono app)', () => {
  it('sends one event per 5xx, tagged with the request id', async () => {
    const events = sentToSentry()
    const response = await call('/posts/boom', { 'x-request-id': 'trace-me-123' })
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ requestId: 'trace-me-123' })
    expect(events).toHaveLength(1)
    expect(events[0]?.tags).toMatchObject({ request_id: 'trace-me-123' })
    expect(events[0]?.exception?.values?.[0]).toMatchObject({
      type: 'Error',
      value: 'Connection to the database refused',
    })
  })

  it('sends nothing for a 4xx', async () => {
    const events = sentToSentry()
    expect((await call('/posts/7')).status).toBe(404)
    expect((await call('/nope')).status).toBe(404)
    expect(events).toEqual([])
  })

  it('sends a catalog 5xx too, each event with its own request id', async () => {
    const events = sentToSentry()
    // (Sentry's dedupe drops an event identical to the one just sent: the errors differ here)
    expect((await call('/search', { 'x-request-id': 'first' })).status).toBe(503)
    await call('/posts/7', { 'x-request-id': 'second' })
    await call('/posts/boom', { 'x-request-id': 'third' })
    expect(events.map((event) => event.tags?.request_id)).toEqual(['first', 'third'])
    expect(events[0]?.exception?.values?.[0]).toMatchObject({
      type: 'ApiError',
      value: 'The search index is rebuilding',
    })
  })
})

describe("the README's Sentry recipes", () => {
  it('are the tested files, but for the import path', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const file of ['sentry-cloudflare.ts', 'sentry-node.ts']) {
      const source = readFileSync(new URL(`../test/recipes/${file}`, import.meta.url), 'utf8')
      const code = source
        .replace(/^(\/\/.*\n)+/, '')
        .replace("'../../src/index'", "'@faultline/hono'")
      expect(readme).toContain(code)
    }
  })
})
