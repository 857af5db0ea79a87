import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readmeProblems,
  schemaChecker,
  swaggerParserProblem,
  typeCheckGenerated,
} from '../../../../packages/docs/test/schema-validator'
import { feedbackApiDocument } from '../../src/openapi'
import { type Call, cases } from '../../src/playground/cases'
import { type Demo, startDemo } from '../browser/demo'
import { hostileCases } from '../hostile-cases'

// The document the Worker serves (test/openapi.test.ts checks it is this one), checked by two
// independent validators and by the types openapi-typescript makes of it; then the real answers
// of the demo, over HTTP from `wrangler dev`, checked against it with Ajv (JSON Schema 2020-12).
const document = feedbackApiDocument()

describe('the OpenAPI document', () => {
  it('is valid for @readme/openapi-parser', async () => {
    expect(await readmeProblems(document)).toEqual([])
  })

  it('is valid for @apidevtools/swagger-parser', async () => {
    expect(await swaggerParserProblem(document)).toBeUndefined()
  })

  it('gives types (openapi-typescript) that narrow each operation to its codes', async () => {
    const usage = `
      import type { paths } from './api'
      type Get = paths['/posts/{postId}']['get']['responses']
      type NotFound = Get[404]['content']['application/json']
      const code: NotFound['code'] = 'POST_NOT_FOUND'
      // @ts-expect-error GET /posts/{postId} answers no 409
      type NoConflict = Get[409]
      type Create = paths['/posts']['post']['responses']
      type Conflict = Create[409]['content']['application/json']
      const reused: Conflict['code'] = 'IDEMPOTENCY_KEY_REUSED'
      // @ts-expect-error POST /posts answers no 404
      type NoNotFound = Create[404]
      type Bad = Create[400]['content']['application/json']
      const bad: Bad = { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' }
      // @ts-expect-error an error body is closed
      const extra: Bad = { code: 'BAD_REQUEST', message: 'x', extra: 1 }
      type Created = Create[201]['content']['application/json']
      const post: Created = { id: 'p', title: 't', description: null, votes: 0, createdAt: '' }
      export { code, reused, bad, extra, post }
    `
    expect(await typeCheckGenerated(document, usage)).toBe('')
  })

  it('gives types that refuse an undeclared code (the check can fail)', async () => {
    const usage = `
      import type { paths } from './api'
      type NotFound = paths['/posts/{postId}']['get']['responses'][404]['content']['application/json']
      export const code: NotFound['code'] = 'VOTE_NOT_FOUND'
    `
    expect(await typeCheckGenerated(document, usage)).toMatch(/TS2322/)
  })
})

// ---- the live answers ----

const checker = schemaChecker(document)
const pointerSegment = (segment: string) =>
  encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))

/** The path template of the document a request path matches (`/posts/{postId}`). */
function templateOf(pathname: string): string | undefined {
  const path = pathname.replace(/^\/api\/v1/, '')
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  )
}

interface Checked {
  readonly what: string
  readonly status: number
  readonly pointer: string
  readonly errors: unknown
}

/**
 * Checks an answer against the schema its operation gives for its status and media type; an
 * answer of no operation (an unknown path) against the shared response of its status, in the
 * media type it was answered in (JSON or Problem Details).
 */
async function check(what: string, method: string, url: string, response: Response) {
  const type = response.headers.get('content-type')?.split(';')[0] ?? ''
  const text = await response.text()
  if (response.status === 204) return { what, status: 204, pointer: '', errors: null }
  const body: unknown = JSON.parse(text)
  const template = templateOf(new URL(url).pathname)
  const operation = template
    ? (document.paths[template] as Record<string, unknown>)[method.toLowerCase()]
    : undefined
  const answeredBy = operation
    ? [
        '/paths',
        pointerSegment(template as string),
        method.toLowerCase(),
        'responses',
        response.status,
      ]
    : ['/components/responses', `Error${response.status}`]
  const pointer = [...answeredBy, 'content', pointerSegment(type), 'schema'].join('/')
  return { what, status: response.status, pointer, errors: checker.check(pointer, body) }
}

/** A playground call as the REST clients send it to `/api/v1`. */
function restRequest(base: string, call: Call): Request {
  const headers = new Headers(call.key ? { authorization: `Bearer ${call.key}` } : {})
  if (call.idempotencyKey) headers.set('idempotency-key', call.idempotencyKey)
  const post = `/posts/${encodeURIComponent(call.postId ?? '')}`
  const [method, path, body] = {
    list: ['GET', '/posts'],
    get: ['GET', post],
    create: ['POST', '/posts', call.body],
    vote: ['POST', `${post}/votes`],
    unvote: ['DELETE', `${post}/votes`],
    webhook: ['POST', '/webhooks/test', { url: call.url }],
    fail: ['GET', `/_demo/fail/${call.status}`],
    nowhere: ['GET', '/no-such-route'],
  }[call.op] as [string, string, unknown?]
  const text = call.raw ?? (body === undefined ? undefined : JSON.stringify(body))
  if (text !== undefined) headers.set('content-type', call.contentType ?? 'application/json')
  return new Request(`${base}/api/v1${path}`, { method, headers, body: text })
}

describe('the schema of an answer', () => {
  const notFound = `/paths/${pointerSegment('/posts/{postId}')}/get/responses/404/content/${pointerSegment('application/json')}/schema`

  it('takes the declared code and refuses an undeclared one or an extra member', () => {
    expect(
      checker.check(notFound, { code: 'POST_NOT_FOUND', message: 'Post not found' }),
    ).toBeNull()
    expect(
      checker.check(notFound, { code: 'VOTE_NOT_FOUND', message: 'Vote not found' }),
    ).not.toBeNull()
    expect(
      checker.check(notFound, { code: 'POST_NOT_FOUND', message: 'Post not found', stack: 'x' }),
    ).not.toBeNull()
  })
})

describe('the demo answers', () => {
  let demo: Demo
  beforeAll(async () => {
    demo = await startDemo()
  })
  afterAll(async () => {
    await demo?.stop()
  })

  it('match their operation in the document, for every playground case', async () => {
    const checked: Checked[] = []
    for (const testCase of cases) {
      const run = { unique: `openapi-${testCase.id}-${Date.now()}` }
      for (const call of testCase.setup?.(run) ?? []) {
        await (await fetch(restRequest(demo.url, call))).arrayBuffer()
      }
      for (let tries = testCase.tries ?? 1; ; tries--) {
        const request = restRequest(demo.url, testCase.call(run))
        const { method, url } = request
        const response = await fetch(request)
        if (response.status !== testCase.status && tries > 1) {
          await response.arrayBuffer()
          continue
        }
        expect(response.status, testCase.id).toBe(testCase.status)
        checked.push(await check(testCase.id, method, url, response))
        break
      }
    }
    expect(checked.filter((one) => one.errors !== null)).toEqual([])
    // every error status of the playground was seen and checked against its operation
    expect(new Set(checked.map((one) => one.status)).size).toBeGreaterThanOrEqual(14)
    expect(checked.filter((one) => one.pointer.startsWith('/paths/')).length).toBe(
      checked.length - 1 - checked.filter((one) => one.status === 204).length,
    )
  })

  it('match their operation in the document, for the hostile cases, as JSON and as Problem Details', async () => {
    const checked: Checked[] = []
    for (const testCase of hostileCases) {
      if (testCase.skip?.includes('hono')) continue
      for (const accept of ['application/json', 'application/problem+json']) {
        const local = testCase.request('hono', `m${checked.length}`)
        const url = local.url.replace('http://localhost', demo.url)
        const headers = new Headers(local.headers)
        headers.set('accept', accept)
        const body = local.body ? await local.arrayBuffer() : undefined
        const response = await fetch(url, { method: local.method, headers, body })
        const type = response.headers.get('content-type') ?? ''
        // the proxy of `wrangler dev` answers some oversized requests itself (see oversize.test.ts)
        if (!/json/.test(type)) {
          await response.arrayBuffer()
          continue
        }
        checked.push(await check(`${testCase.name} (${accept})`, local.method, url, response))
      }
    }
    // an answer of no operation, in both media types (the 64 KB paths above may not reach the
    // Worker: the proxy of `wrangler dev` answers them itself on some machines)
    for (const accept of ['application/json', 'application/problem+json']) {
      const url = `${demo.url}/api/v1/no-such-route`
      const response = await fetch(url, { headers: { accept } })
      checked.push(await check(`an unknown path (${accept})`, 'GET', url, response))
    }
    expect(checked.filter((one) => one.errors !== null)).toEqual([])
    expect(
      checked.filter((one) => one.pointer.startsWith('/components/')).length,
    ).toBeGreaterThanOrEqual(2)
    expect(checked.length).toBeGreaterThan(40)
    expect(checked.some((one) => one.pointer.includes('problem%2Bjson'))).toBe(true)
  })
})
