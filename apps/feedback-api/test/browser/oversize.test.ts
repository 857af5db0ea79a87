// One client's oversized body never costs another request, under `pnpm demo` itself: wrangler
// dev's proxy in front of the Worker. A 2 MB body (with content-length, and chunked without it)
// to one surface, past its 64 KiB limit, is answered 413; the next request, to another surface,
// must succeed. When core's drainBody read 256 KiB of such a body and cancelled the rest, the
// proxy held that next request (on any connection) until another arrived: 95 of 96 tries hung,
// were reset or got wrangler's 503 "Your worker restarted mid-request".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Demo, startDemo } from './demo'

let demo: Demo

beforeAll(async () => {
  demo = await startDemo()
})

afterAll(() => demo?.stop())

const TWO_MB = 2 * 1024 * 1024
const writes = {
  hono: '/api/v1/posts',
  fetch: '/fetch/v1/posts',
  trpc: '/trpc/post.create',
}
const reads = {
  hono: '/api/v1/posts',
  fetch: '/fetch/v1/posts',
  trpc: '/trpc/post.list',
}

function oversized(path: string, chunked: boolean): Request {
  const text = JSON.stringify({ title: 'x'.repeat(TWO_MB) })
  const bytes = new TextEncoder().encode(text)
  const body = chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024) {
            controller.enqueue(bytes.subarray(at, at + 64 * 1024))
          }
          controller.close()
        },
      })
    : text
  return new Request(`${demo.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer lc_test_admin', 'content-type': 'application/json' },
    body,
    duplex: 'half',
    signal: AbortSignal.timeout(10_000),
  } as RequestInit)
}

/** The status, or what went wrong instead (a reset, a timeout). */
async function statusOf(request: Request): Promise<number | string> {
  try {
    const response = await fetch(request)
    await response.arrayBuffer()
    return response.status
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? (error as Error).name
  }
}

describe('an oversized body under wrangler dev', () => {
  const surfaces = Object.keys(writes) as (keyof typeof writes)[]
  it.each(surfaces.flatMap((from) => [true, false].map((chunked) => [from, chunked] as const)))(
    'costs no other request (%s, chunked: %s)',
    async (from, chunked) => {
      const seen: (number | string)[] = []
      for (const to of surfaces.filter((surface) => surface !== from)) {
        seen.push(await statusOf(oversized(writes[from], chunked)))
        const read = new Request(`${demo.url}${reads[to]}`, { signal: AbortSignal.timeout(5000) })
        seen.push(await statusOf(read))
      }
      expect(seen).toEqual([413, 200, 413, 200])
    },
    30_000,
  )
})
