import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import * as worker from './index'

describe('the Worker module', () => {
  it('exports its fetch and cron handlers and the write limiter Durable Object', () => {
    expect(Object.keys(worker).sort()).toMatchInlineSnapshot(`
      [
        "WriteLimiter",
        "default",
      ]
    `)
    expect(Object.keys(worker.default)).toEqual(['fetch', 'scheduled'])
  })

  // In wrangler dev the assets answer before the Worker runs (see the browser test); here the
  // binding shows that `public/` is what they serve.
  it('has the playground page in its static assets', async () => {
    const response = await env.ASSETS.fetch('http://localhost/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('<script type="module" src="/playground.js"></script>')
  })
})
