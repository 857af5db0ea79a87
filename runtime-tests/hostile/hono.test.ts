import { beforeEach, describe, expect, it } from 'vitest'
import { honoApp, LIMIT, seen } from './apps'
import { expectAnswer, reset, toRequest } from './check'
import { cases, countingStream, hostileIds, MARKER } from './inputs'

beforeEach(reset)

const app = honoApp()
const withRequestId = honoApp({ honoRequestId: true })

describe('the Hono adapter (errorHandler + errorBoundary + validator) under hostile input', () => {
  it.each(cases)('answers $name', async ({ send, hono: answer, problem, echoBug }) => {
    const request = toRequest(send)
    const response = await app.request(request)
    const path = new URL(request.url).pathname
    await expectAnswer(response, answer, { problem, path, echoBug })
  })

  it('with hono/body-limit, stops reading a 10 MB body streamed without content-length', async () => {
    const pulled = { bytes: 0 }
    const request = toRequest({
      method: 'POST',
      path: '/limited/posts',
      headers: { 'content-type': 'application/json' },
      body: () => countingStream(10 * 1024 * 1024, pulled),
    })
    expect(request.headers.get('content-length')).toBeNull()
    await expectAnswer(await app.request(request), {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Payload too large',
    })
    expect(pulled.bytes).toBeLessThan(LIMIT + 4 * 64 * 1024)
  })

  it('without a body limit, reads a 10 MB streamed body to the end', async () => {
    const pulled = { bytes: 0 }
    const request = toRequest({
      method: 'POST',
      path: '/posts',
      headers: { 'content-type': 'application/json' },
      body: () => countingStream(10 * 1024 * 1024, pulled),
    })
    // the chunks make an unclosed JSON array: malformed once read in full
    await expectAnswer(await app.request(request), {
      status: 400,
      code: 'BAD_REQUEST',
      message: 'Malformed JSON in request body',
    })
    expect(pulled.bytes).toBeGreaterThanOrEqual(10 * 1024 * 1024)
  })

  it.each(hostileIds)('never echoes an x-request-id %s', async (_, id) => {
    for (const target of [app, withRequestId]) {
      reset()
      const request = toRequest({ path: '/missing', headers: { 'x-request-id': id } })
      await expectAnswer(await target.request(request), { status: 404, code: 'NOT_FOUND' })
    }
  })

  it('with hono/request-id, echoes a 200-character id that core alone would replace', async () => {
    const id = `${MARKER}${'a'.repeat(200 - MARKER.length)}`
    const request = () => toRequest({ path: '/missing', headers: { 'x-request-id': id } })
    const alone = await app.request(request())
    expect(alone.headers.get('x-request-id')).not.toBe(id)
    const response = await withRequestId.request(request())
    expect(response.headers.get('x-request-id')).toBe(id)
    expect(((await response.json()) as { requestId: string }).requestId).toBe(id)
  })

  it.each(['/posts', '/raw'])(
    'keeps __proto__, constructor and prototype keys as plain data on %s',
    async (path) => {
      const text = `{"title":"a","__proto__":{"polluted":"${MARKER}"},"constructor":{"prototype":{"polluted":"${MARKER}"}},"tags":[],"nested":{"__proto__":{"polluted":"${MARKER}"}}}`
      const request = toRequest({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: () => text,
      })
      await expectAnswer(await app.request(request), { status: 201 })
      const [value] = seen.values as Record<string, Record<string, unknown>>[]
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
      expect(value?.polluted).toBeUndefined()
      expect(value?.nested?.polluted).toBeUndefined()
    },
  )
})
