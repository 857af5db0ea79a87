import { beforeEach, describe, expect, it } from 'vitest'
import { fetchApp, LIMIT, seen } from './apps'
import { expectAnswer, reset, toRequest } from './check'
import { cases, countingStream, hostileIds, MARKER } from './inputs'

beforeEach(reset)

describe('the Fetch adapter (withErrors + readJson) under hostile input', () => {
  it.each(cases)('answers $name', async ({ send, fetch: answer, problem }) => {
    const request = toRequest(send)
    const response = await fetchApp(request)
    const path = new URL(request.url).pathname
    await expectAnswer(response, answer, { problem, path })
  })

  it('answers a 10 MB body streamed without content-length 413, then drains it', async () => {
    const pulled = { bytes: 0 }
    const request = toRequest({
      method: 'POST',
      path: '/posts',
      headers: { 'content-type': 'application/json' },
      body: () => countingStream(10 * 1024 * 1024, pulled),
    })
    expect(request.headers.get('content-length')).toBeNull()
    await expectAnswer(await fetchApp(request), {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than the limit of ${LIMIT} bytes`,
    })
    // the reader stops at the limit (core's body tests); withErrors then drains the rest, so
    // that the client's connection survives (runtime-tests/host/oversize.test.ts)
    expect(pulled.bytes).toBeGreaterThanOrEqual(10 * 1024 * 1024)
  })

  it('refuses a body whose declared length is over the limit, then drains it', async () => {
    const pulled = { bytes: 0 }
    const request = toRequest({
      method: 'POST',
      path: '/posts',
      headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      body: () => countingStream(10 * 1024 * 1024, pulled),
    })
    await expectAnswer(await fetchApp(request), {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    })
    // refused unread by core's reader; read to its end by the drain, for the connection's sake
    expect(pulled.bytes).toBeGreaterThanOrEqual(10 * 1024 * 1024)
  })

  it.each(hostileIds)('never echoes an x-request-id %s', async (_, id) => {
    const request = toRequest({ path: '/missing', headers: { 'x-request-id': id } })
    await expectAnswer(await fetchApp(request), { status: 404, code: 'NOT_FOUND' })
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
      await expectAnswer(await fetchApp(request), { status: 201 })
      const [value] = seen.values as Record<string, Record<string, unknown>>[]
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
      expect(value?.polluted).toBeUndefined()
      expect(value?.nested?.polluted).toBeUndefined()
    },
  )
})
