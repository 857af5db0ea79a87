import * as Sentry from '@sentry/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { app } from '../test/recipes/sentry-node'

interface SentEvent {
  readonly tags?: Record<string, unknown>
  readonly exception?: { values?: { type?: string; value?: string }[] }
}

// A transport that keeps the events of every envelope: nothing leaves the process.
const events: SentEvent[] = []
type Envelope = [unknown, [{ type?: string }, unknown][]]

beforeAll(() => {
  // what the app's instrument file does, with the fake transport
  Sentry.init({
    dsn: 'https://public@sentry.example.com/1',
    transport: () => ({
      send: async (envelope) => {
        for (const [header, payload] of (envelope as unknown as Envelope)[1]) {
          if (header.type === 'event') events.push(payload as SentEvent)
        }
        return {}
      },
      flush: async () => true,
    }),
  })
})
afterAll(() => Sentry.close())
beforeEach(() => {
  events.length = 0
})

async function call(path: string, requestId: string): Promise<Response> {
  const response = await app.request(path, { headers: { 'x-request-id': requestId } })
  await Sentry.flush()
  return response
}

describe('the Sentry recipe for Node (@sentry/node, captured in the error hook)', () => {
  it('sends one event per 5xx, tagged with the request id', async () => {
    expect((await call('/posts/boom', 'trace-me-123')).status).toBe(500)
    expect(events).toHaveLength(1)
    expect(events[0]?.tags).toMatchObject({ request_id: 'trace-me-123' })
    expect(events[0]?.exception?.values?.[0]).toMatchObject({
      type: 'Error',
      value: 'Connection to the database refused',
    })
  })

  it('sends nothing for a 4xx', async () => {
    expect((await call('/posts/7', 'r-404')).status).toBe(404)
    expect(events).toEqual([])
  })

  it('sends a catalog 5xx once, with its own request id', async () => {
    expect((await call('/search', 'r-503')).status).toBe(503)
    expect(events).toHaveLength(1)
    expect(events[0]?.tags).toMatchObject({ request_id: 'r-503' })
    expect(events[0]?.exception?.values?.[0]?.type).toBe('ApiError')
  })
})
