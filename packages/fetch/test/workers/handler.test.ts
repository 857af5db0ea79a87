import { createExecutionContext, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker, { reported } from './worker'

const id = { 'x-request-id': 'req_workerd' }
const json = { 'content-type': 'application/json' }

describe('withErrors inside workerd', () => {
  it('runs in the Workers runtime', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers')
  })

  it('redacts a 500 and reports it through ctx.waitUntil', async () => {
    const crashes = () => reported.filter((report) => report.path === '/crash')
    const ctx = createExecutionContext()
    const response = await worker.fetch(new Request('http://worker/crash'), {}, ctx)
    expect(crashes()).toEqual([])
    await waitOnExecutionContext(ctx)
    expect(crashes()).toEqual([{ path: '/crash', code: 'SERVER_ERROR', expected: false }])
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(JSON.parse(text)).toEqual({
      code: 'SERVER_ERROR',
      message: 'Something went wrong on our end',
      requestId: response.headers.get('x-request-id'),
    })
    expect(text).not.toContain('s3cret')
  })

  it('answers 413 for a streamed body over 1 MiB without content-length', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
        if (pulled >= 4 * 1024 * 1024) controller.close()
      },
    })
    const request = new Request('http://worker/posts', { method: 'POST', body, headers: json })
    expect(request.headers.get('content-length')).toBeNull()
    const response = await worker.fetch(request, {}, createExecutionContext())
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 1048576 bytes',
    })
    // read to the limit, then drained to its end so that the client's connection survives
    expect(pulled).toBe(4 * 1024 * 1024)
  })

  it('answers 413 from the content-length of a real request', async () => {
    const response = await SELF.fetch('http://worker/posts', {
      method: 'POST',
      body: `"${'x'.repeat(1024 * 1024)}"`,
      headers: json,
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
  })

  it('passes a redirect with immutable headers through untouched', async () => {
    expect(() => Response.redirect('https://example.com/', 301).headers.set('a', 'b')).toThrow(
      TypeError,
    )
    const request = new Request('http://worker/moved', { headers: id })
    const response = await worker.fetch(request, {}, createExecutionContext())
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('https://example.com/new')
  })
})
