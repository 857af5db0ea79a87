import { afterEach, describe, expect, it, vi } from 'vitest'
import { testWebhook } from './webhooks'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('testWebhook', () => {
  it('answers 402 REQUEST_FAILED when the URL cannot be reached, keeping the reason as cause', async () => {
    // What workerd's fetch rejects with when the connection is refused (see vitest.config.ts).
    const refused = new Error('Network connection lost.')
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(refused)
    const error = await testWebhook({ url: 'http://127.0.0.1:9/feedback' }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'REQUEST_FAILED',
      status: 402,
      message: 'Webhook delivery failed: the URL could not be reached',
    })
    expect((error as Error).cause).toBe(refused)
  })

  it('answers 402 REQUEST_FAILED when the endpoint answers with an error', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('nope', { status: 500 }))
    await expect(testWebhook({ url: 'https://hooks.example.com/feedback' })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
      message: 'Webhook delivery failed: the URL answered 500',
    })
  })

  it('posts a test event and reports the delivery', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(null, { status: 204 }))
    expect(await testWebhook({ url: 'https://hooks.example.com/feedback' })).toEqual({
      delivered: true,
      status: 204,
    })
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('https://hooks.example.com/feedback')
    expect(init).toMatchObject({ method: 'POST', redirect: 'manual' })
    expect(JSON.parse(String(init?.body))).toMatchObject({ type: 'webhook.test' })
  })
})
