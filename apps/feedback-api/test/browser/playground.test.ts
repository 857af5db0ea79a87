import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Demo, startDemo } from './demo'

const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts')

let demo: Demo
let profile: string
let browser: BrowserContext
let page: Page
const pageErrors: string[] = []

const executablePath = '/usr/bin/chromium'

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: apt-get update && apt-get install -y chromium`)
  }
  demo = await startDemo()
  profile = mkdtempSync(path.join(tmpdir(), 'feedback-api-chromium-'))
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1500, height: 1100 },
  })
  page = browser.pages()[0] ?? (await browser.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(demo.url)
})

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
  if (profile) rmSync(profile, { recursive: true, force: true })
})

/** Clicks a case and waits until all three surfaces have answered. */
async function runCase(title: string) {
  await page.getByRole('button', { name: title, exact: true }).click()
  await page.locator('#results[data-done]').waitFor()
  return page.locator('#results article.surface')
}

describe('the demo under wrangler dev', () => {
  it('answers a path that is neither an asset nor an API with the catalog 404', async () => {
    const response = await fetch(`${demo.url}/no-such-page`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Not found' })
  })
})

describe('the playground', () => {
  it('lists every case of the contract', async () => {
    const titles = await page.locator('#cases button').allTextContents()
    expect(titles).toEqual(
      expect.arrayContaining([
        '400 VALIDATION_ERROR',
        '400 BAD_REQUEST',
        '401 UNAUTHORIZED',
        '402 REQUEST_FAILED',
        '403 FORBIDDEN',
        '404 POST_NOT_FOUND',
        '409 VOTE_EXISTS',
        '409 IDEMPOTENCY_KEY_REUSED',
        '413 PAYLOAD_TOO_LARGE',
        '415 UNSUPPORTED_MEDIA_TYPE',
        '429 TOO_MANY_REQUESTS',
        '500 SERVER_ERROR',
        '502 BAD_GATEWAY',
        '503 SERVICE_UNAVAILABLE',
        '504 GATEWAY_TIMEOUT',
      ]),
    )
  })

  it('fires a case at the three surfaces and shows the same error side by side', async () => {
    const columns = await runCase('409 VOTE_EXISTS')
    await expect(columns.count()).resolves.toBe(3)
    for (const surface of ['hono', 'fetch', 'trpc']) {
      const column = columns.and(page.locator(`[data-surface="${surface}"]`))
      await expect(column.getAttribute('data-status')).resolves.toBe('409')
      await expect(column.locator('.status').textContent()).resolves.toBe('HTTP 409')
      const typed = JSON.parse((await column.locator('pre.typed').textContent()) ?? '{}')
      expect(typed).toMatchObject({
        code: 'VOTE_EXISTS',
        status: 409,
        message: 'User has already voted on this post',
      })
      await expect(column.locator('pre.body').textContent()).resolves.toContain('"VOTE_EXISTS"')
    }
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: path.join(artifacts, 'playground.png'), fullPage: true })
  })

  it('shows Retry-After and the redacted 5xx message', async () => {
    const columns = await runCase('503 SERVICE_UNAVAILABLE')
    for (const column of await columns.all()) {
      await expect(column.getAttribute('data-status')).resolves.toBe('503')
      await expect(column.locator('dl').textContent()).resolves.toContain('retry-after30')
      const typed = JSON.parse((await column.locator('pre.typed').textContent()) ?? '{}')
      expect(typed).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Service unavailable',
        retryAfter: 30,
      })
    }
    const crashed = await runCase('500 SERVER_ERROR')
    const text = (await crashed.allTextContents()).join('\n')
    expect(text).toContain('Something went wrong on our end')
    expect(text).not.toContain('hunter2')
  })

  it('runs without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
