import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { declaredErrors, TRPC_COMMON } from '../../src/errors-per-route'
import { cases } from '../../src/playground/cases'
import { type Demo, startDemo } from './demo'

const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts')

/**
 * Debian's Chromium (`apt-get install -y chromium`), or the browser named by `CHROMIUM_PATH`.
 * Without one the page tests are skipped with a message, except under `CI=true` (`.ci/run`
 * installs Chromium), where a missing browser fails the run.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasBrowser = existsSync(executablePath)
const ci = process.env.CI === 'true' || process.env.CI === '1'
if (!hasBrowser && !ci) {
  console.warn(
    `Skipping the playground page tests: no browser at ${executablePath}. ` +
      'Install Chromium (Debian: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.',
  )
}

let demo: Demo
let profile: string | undefined
let browser: BrowserContext | undefined
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  if (!hasBrowser && ci) {
    throw new Error(
      `${executablePath} is missing: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`,
    )
  }
  demo = await startDemo()
  if (!hasBrowser) return
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
    viewport: { width: 1280, height: 900 },
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

/** Clicks a button and waits until the three surfaces have answered this click. */
async function click(button: Locator) {
  await button.click()
  return settled()
}

/** Waits for the run the last click started (every click starts a new numbered run). */
async function settled() {
  const run = await page.locator('#results').getAttribute('data-run')
  await page.locator(`#results[data-run="${run}"][data-done]`).waitFor()
  return page.locator('#results article.surface')
}

async function runCase(name: string) {
  return click(page.getByRole('button', { name, exact: true }))
}

/**
 * The status and code a case's button promises, read from its label: "409 VOTE_EXISTS", "401
 * UNAUTHORIZED (unknown key)", "201 (idempotent replay, tRPC: 200)" (a status tRPC answers
 * differently is named in the label).
 */
function promised(label: string): { status: number; code: string | undefined; trpc: number } {
  const [, status, code, detail = ''] =
    /^(\d{3})(?: ([A-Z][A-Z0-9_]+))?(?: \((.+)\))?$/.exec(label) ?? []
  if (!status) throw new Error(`A case label must start with its status: ${label}`)
  const trpc = /\btRPC: (\d{3})\b/.exec(detail)?.[1]
  return { status: Number(status), code, trpc: Number(trpc ?? status) }
}

const prefixes = { hono: '/api/v1/', fetch: '/fetch/v1/', trpc: '/trpc/' }

/** Checks what each of the three columns shows against what the label promised. */
async function expectAnswers(columns: Locator, label: string) {
  const promise = promised(label)
  const { code } = promise
  await expect(columns.count()).resolves.toBe(3)
  for (const [surface, prefix] of Object.entries(prefixes)) {
    const status = surface === 'trpc' ? promise.trpc : promise.status
    const column = columns.and(page.locator(`[data-surface="${surface}"]`))
    const where = `${label} on ${surface}`
    expect(await column.getAttribute('data-status'), where).toBe(String(status))
    expect(await column.locator('.status').textContent(), where).toMatch(
      new RegExp(`^HTTP ${status}\\b`),
    )
    const request = (await column.locator('pre.request').textContent()) ?? ''
    expect(request, where).toMatch(new RegExp(`^(GET|POST|DELETE) ${prefix}`))
    const typed = (await column.locator('pre.typed').textContent()) ?? ''
    if (code) {
      expect(JSON.parse(typed), where).toMatchObject({ code, status })
    } else {
      expect(typed, where).toBe('(none: the call succeeded)')
    }
    // the type of the typed error's code: the operation's declared codes, the one got marked
    const union = column.locator('pre.union')
    const codes = (await union.getAttribute('data-codes'))?.split(' ')
    if (code && code !== 'NOT_FOUND' && code !== 'METHOD_NOT_ALLOWED') {
      expect(codes, where).toContain(code)
      expect(await union.locator('mark').textContent(), where).toBe(`| '${code}'`)
    } else if (!code) {
      expect(await union.locator('mark').count(), where).toBe(0)
    }
  }
}

describe.skipIf(!hasBrowser)('the typed client error panel', () => {
  it('shows the code union of the operation the case calls', async () => {
    await click(page.locator('button[data-case="post-not-found"]'))
    const union = (surface: string) => page.locator(`[data-surface="${surface}"] pre.union`)
    const rest = [...declaredErrors.getPost.codes]
    for (const surface of ['hono', 'fetch']) {
      expect(await union(surface).getAttribute('data-operation')).toBe('getPost')
      expect(await union(surface).getAttribute('data-codes')).toBe(rest.join(' '))
      expect(await union(surface).textContent()).toBe(
        `// getPost: error.code is\n${rest.map((c) => `| '${c}'`).join('\n')}`,
      )
    }
    expect(await union('trpc').getAttribute('data-operation')).toBe('post.byId')
    expect((await union('trpc').getAttribute('data-codes'))?.split(' ').sort()).toEqual(
      [...new Set([...rest, ...TRPC_COMMON])].sort(),
    )
    expect(await union('trpc').textContent()).not.toContain('VOTE_EXISTS')
  })
})

describe('the demo under wrangler dev', () => {
  it('answers a path that is neither an asset nor an API with the catalog 404', async () => {
    const response = await fetch(`${demo.url}/no-such-page`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Not found' })
  })
})

describe.skipIf(!hasBrowser)('the playground', () => {
  it('lists every case as a real button, each labelled with its status and code', async () => {
    const buttons = page.locator('#cases button')
    await expect(buttons.count()).resolves.toBe(cases.length)
    const labels = await buttons.allTextContents()
    expect(labels).toEqual(
      expect.arrayContaining([
        '200 (list posts)',
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
    for (const label of labels) expect(() => promised(label)).not.toThrow()
    await expect(
      buttons.evaluateAll((all) => all.every((b) => b.getAttribute('type') === 'button')),
    ).resolves.toBe(true)
  })

  for (const width of [1280, 390]) {
    it(`shows what each label says, on the first click and the second, at ${width} px`, async () => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 })
      const buttons = await page.locator('#cases button').all()
      for (const button of buttons) {
        const label = (await button.textContent()) ?? ''
        for (const _ of [1, 2]) {
          await expectAnswers(await click(button), label)
          if (width <= 400) {
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            )
            expect(
              overflow,
              `horizontal overflow after ${label} at ${width} px`,
            ).toBeLessThanOrEqual(0)
          }
        }
      }
      mkdirSync(artifacts, { recursive: true })
      await page.screenshot({
        path: path.join(artifacts, `playground-${width}.png`),
        fullPage: true,
      })
    }, 240_000)
  }

  it('keeps every case at least 10 characters wide at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await runCase('409 VOTE_EXISTS')
    const narrowest = await page
      .locator('#cases button, #results pre, #results h2, #results .about')
      .evaluateAll((all) => Math.min(...all.map((e) => e.getBoundingClientRect().width)))
    const em = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.body).fontSize),
    )
    // "one character per line" was a width of about one em
    expect(narrowest).toBeGreaterThan(10 * em)
  })

  it('can be used with the keyboard alone: Tab reaches the cases, Enter fires one, focus shows', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(demo.url)
    await page.keyboard.press('Tab')
    const focused = page.locator('#cases button:focus')
    await expect(focused.count()).resolves.toBe(1)
    const outline = await focused.evaluate((button) => getComputedStyle(button).outlineStyle)
    expect(outline).not.toBe('none')
    const label = (await focused.textContent()) ?? ''
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expectAnswers(await settled(), label)
    await expect(page.locator('#results h2').textContent()).resolves.toBe(label)
  })

  it('shows the request that was sent beside each answer: method, path, headers and body', async () => {
    const columns = await runCase('409 IDEMPOTENCY_KEY_REUSED')
    const requests = await columns.locator('pre.request').allTextContents()
    const [hono, fetch, trpc] = requests
    expect(hono).toMatch(/^POST \/api\/v1\/posts\n/)
    expect(fetch).toMatch(/^POST \/fetch\/v1\/posts\n/)
    expect(trpc).toMatch(/^POST \/trpc\/post\.create\n/)
    for (const request of requests) {
      expect(request).toContain('authorization: Bearer lc_test_playground')
      expect(request).toMatch(/\nidempotency-key: playground-[0-9a-f-]{36}\n/)
      expect(request).toMatch(/\n\n\{"title":"Second"/)
    }
    const reads = await (await runCase('404 POST_NOT_FOUND'))
      .locator('pre.request')
      .allTextContents()
    expect(reads).toEqual([
      'GET /api/v1/posts/no-such-post',
      'GET /fetch/v1/posts/no-such-post',
      'GET /trpc/post.byId?input={"postId":"no-such-post"}',
    ])
  })

  it('explains why 402 reads "Payment Required" on the wire', async () => {
    const columns = await runCase('402 REQUEST_FAILED')
    for (const status of await columns.locator('.status').allTextContents()) {
      expect(status).toBe('HTTP 402 Payment Required')
    }
    const why = ((await page.locator('footer').textContent()) ?? '').replace(/\s+/g, ' ')
    expect(why).toContain('Payment Required')
    expect(why).toContain('Request Failed')
    expect(why).toContain('REQUEST_FAILED')
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

  it('keeps the log of wrangler dev free of stack dumps from the refused webhook', () => {
    const log = demo.log()
    expect(log).toMatch(/POST \/api\/v1\/webhooks\/test 402/)
    expect(log).not.toMatch(/DNS lookup failed|uncaught exception/i)
    // the refusal is on the reporter's one warning (its cause), never as a stack dump
    expect(log).not.toMatch(/^\s+at \S/m)
    expect(log).toMatch(
      /level: 'warn',[\s\S]*?cause: \{[\s\S]*?message: 'Network connection lost\.'/,
    )
  })

  it('runs without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
