import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { reports } from './worker'

const origin = 'https://feedback.example'
const get = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${origin}${path}`, { headers })

const reportsOf = (path: string) =>
  reports.filter(({ context }) => context.request?.url === `${origin}${path}`)

describe('in workerd', () => {
  it('runs inside the Workers runtime, not Node', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers')
  })

  // Without errorBoundary the string escapes app.fetch: workerd logs an uncaught exception and
  // the client gets Cloudflare's error page (1101), here a rejected SELF.fetch.
  it('lets a thrown string escape the Worker when there is no errorBoundary', async () => {
    await expect(get('/bare/string')).rejects.toThrow('boom')
  })

  it('hides the message of a 500 and hands the reporter to waitUntil', async () => {
    const res = await get('/crash')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('hunter2')
    expect(JSON.parse(text)).toMatchObject({ code: 'SERVER_ERROR' })
    await expect.poll(() => reportsOf('/crash').length).toBe(1)
    const [report] = reportsOf('/crash')
    expect(report?.context.expected).toBe(false)
    expect(report?.thrown).toEqual(new Error('connect ECONNREFUSED postgres://admin:hunter2@db'))
  })

  it('waits for the async reporter through the ExecutionContext', async () => {
    const seen: boolean[] = []
    const app = createApp(async (_, { expected }) => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      seen.push(expected)
    })
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin}/crash`), env, ctx)
    expect(res.status).toBe(500)
    expect(seen).toEqual([])
    await waitOnExecutionContext(ctx)
    expect(seen).toEqual([false])
  })

  it('answers hono/bearer-auth with the catalog 401 and lets the env token in', async () => {
    const denied = await get('/admin/stats', { authorization: 'Bearer dev-token' })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await denied.json()).toMatchObject({ code: 'UNAUTHORIZED' })
    const allowed = await get('/admin/stats', { authorization: `Bearer ${env.API_TOKEN}` })
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toEqual({ posts: 1 })
  })
})
