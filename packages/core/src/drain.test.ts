import { describe, expect, it } from 'vitest'
import { drainBody } from './drain'

/** A request whose body is `chunks`, counting how much of it was read and whether it was cancelled. */
function streamed(chunks: readonly Uint8Array[], headers?: HeadersInit) {
  const state = { pulled: 0, cancelled: false }
  let next = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++]
      if (chunk === undefined) return controller.close()
      state.pulled += chunk.byteLength
      controller.enqueue(chunk)
    },
    cancel() {
      state.cancelled = true
    },
  })
  const request = new Request('https://api.test/posts', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit)
  return { request, state }
}

const bytes = (n: number) => new Uint8Array(n)

describe('drainBody', () => {
  it('reads an unread body to its end, so the connection can serve the next request', async () => {
    const { request, state } = streamed([bytes(1000), bytes(2000)])
    await drainBody(request)
    expect(state).toEqual({ pulled: 3000, cancelled: false })
  })

  it('reads what is left of a body that was partly read and released', async () => {
    const { request, state } = streamed([bytes(10), bytes(20), bytes(30)])
    const reader = request.body?.getReader()
    await reader?.read()
    reader?.releaseLock()
    await drainBody(request)
    expect(state).toEqual({ pulled: 60, cancelled: false })
  })

  it('cancels a body past the limit instead of reading it all', async () => {
    const { request, state } = streamed([bytes(600), bytes(600), bytes(600), bytes(600)])
    await drainBody(request, { maxBytes: 1000 })
    expect(state.cancelled).toBe(true)
    expect(state.pulled).toBeLessThan(2400)
  })

  it('reads a body to its end whatever its declared length (a cancel breaks wrangler dev)', async () => {
    const { request, state } = streamed([bytes(10)], { 'content-length': String(512 * 1024) })
    await drainBody(request)
    expect(state).toEqual({ pulled: 10, cancelled: false })
  })

  it('reads 8 MiB to the end by default, and stops at an explicit maxBytes', async () => {
    const chunks = () => Array.from({ length: 128 }, () => bytes(64 * 1024))
    const all = streamed(chunks())
    await drainBody(all.request)
    expect(all.state).toEqual({ pulled: 8 * 1024 * 1024, cancelled: false })
    const bounded = streamed(chunks())
    await drainBody(bounded.request, { maxBytes: 256 * 1024 })
    expect(bounded.state.cancelled).toBe(true)
    expect(bounded.state.pulled).toBeLessThan(8 * 1024 * 1024)
  })

  it('stops waiting for a body that does not arrive', async () => {
    const request = new Request('https://api.test/posts', {
      method: 'POST',
      body: new ReadableStream({ pull: () => new Promise(() => {}) }),
      duplex: 'half',
    } as RequestInit)
    const started = Date.now()
    await drainBody(request, { timeoutMs: 20 })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('leaves alone a request without a body, a used body and a locked one', async () => {
    await expect(drainBody(new Request('https://api.test/'))).resolves.toBeUndefined()
    const used = new Request('https://api.test/', { method: 'POST', body: '{}' })
    await used.text()
    await expect(drainBody(used)).resolves.toBeUndefined()
    const { request, state } = streamed([bytes(5)])
    const reader = request.body?.getReader()
    await drainBody(request)
    expect((await reader?.read())?.value?.byteLength).toBe(5)
    expect(state.cancelled).toBe(false)
  })

  it('never throws, even on a broken body', async () => {
    const request = new Request('https://api.test/', {
      method: 'POST',
      body: new ReadableStream({
        pull(controller) {
          controller.error(new Error('socket closed'))
        },
      }),
      duplex: 'half',
    } as RequestInit)
    await expect(drainBody(request)).resolves.toBeUndefined()
  })
})
