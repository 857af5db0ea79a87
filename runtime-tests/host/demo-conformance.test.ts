// The conformance table from the demo: its Worker on workerd with its own D1, over real sockets
// on 127.0.0.1, each odd request sent to the three surfaces. Every row must be equal, and
// CONFORMANCE.md must show what the demo answers today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST_ID } from '../load/cases.mjs'
import { startDemo } from '../load/demo.mjs'
import { committedSection } from '../src/conformance-doc'
import { buildTable, differences, markdown, type Surface } from '../src/odd'

let demo: { url: string; stop: () => Promise<void> }

beforeAll(async () => {
  demo = await startDemo({ sql: 'SELECT 1;', vars: { WRITE_RATE_LIMIT_PER_MINUTE: '1000' } })
}, 120_000)

afterAll(() => demo?.stop())

const send = (request: Request) => fetch(request)
// A write that serves POST alone, as a tRPC mutation does (`/posts` also lists with GET); its
// schema refuses the rows' post, which still shows a +json body got past the reader.
const rest = (base: string) => ({
  read: `${base}/posts/${POST_ID}`,
  write: `${base}/webhooks/test`,
  unknown: `${base}/nope`,
})
const surfaces: Surface[] = [
  { name: 'Hono REST', paths: rest('/api/v1'), send },
  { name: 'Fetch', paths: rest('/fetch/v1'), send },
  {
    name: 'tRPC',
    paths: {
      read: `/trpc/post.byId?input=${encodeURIComponent(JSON.stringify({ postId: POST_ID }))}`,
      write: '/trpc/webhook.test',
      unknown: '/trpc/nope',
    },
    send,
  },
]

describe('the odd requests, on the demo over HTTP', () => {
  it('answers every row the same on its three surfaces, as CONFORMANCE.md shows', async () => {
    const keys = { writer: 'lc_test_admin', reader: 'lc_test_readonly' }
    const rows = await buildTable(surfaces, keys, demo.url.replace(/\/$/, ''))
    expect(differences(rows, surfaces)).toEqual([])
    const table = markdown(rows, surfaces)
    expect(table).toBe(committedSection('demo', table))
  }, 60_000)
})
