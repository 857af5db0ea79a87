// One client's oversized body must never cost another request. A 2 MB body (with a
// content-length, and chunked without one) to a route whose limit is 64 KiB is answered 413;
// normal requests interleaved with it, on the same keep-alive connection and on new ones, must all
// succeed. core's drainBody used to read 256 KiB of such a body and cancel the rest: workerd then
// resets that connection, and behind `wrangler dev`'s proxy the next request, on any connection,
// hung or got a 503. Real sockets against real workerd (Miniflare), 127.0.0.1 only.
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveWorker } from './serve-worker'

const WORKER = `
import { readJson, withErrors } from '@faultline/fetch'
import { errorHandler, notFoundHandler } from '@faultline/hono'
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { Hono } from 'hono'

const trpcErrors = createTRPCErrors()
const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
const router = t.router({ create: t.procedure.input((value) => value).mutation(({ input }) => input) })

const hono = new Hono()
hono.onError(errorHandler())
hono.notFound(notFoundHandler())
hono.post('/hono/posts', async (c) => c.json(await readJson(c.req.raw, { limit: 64 * 1024 }), 201))
hono.get('/hono/ok', (c) => c.text('ok'))

const plain = withErrors(async (request) => {
  if (request.method === 'GET') return new Response('ok')
  return Response.json(await readJson(request, { limit: 64 * 1024 }), { status: 201 })
})

export default {
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url)
    if (pathname.startsWith('/hono/')) return hono.fetch(request, env, ctx)
    if (pathname.startsWith('/trpc/')) {
      return trpcErrors.fetchHandler({ endpoint: '/trpc', req: request, router, bodyLimit: 64 * 1024 })
    }
    return plain(request, env, ctx)
  },
}
`

let worker: Awaited<ReturnType<typeof serveWorker>> | undefined
let port: number

beforeAll(async () => {
  worker = await serveWorker(WORKER)
  port = worker.port
}, 60_000)

afterAll(() => worker?.dispose())

const BODY = Buffer.from(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }))

/** A client on one socket: requests in turn, each answer read whole (content-length bodies). */
async function open(): Promise<{
  send(head: string, body?: Buffer, chunked?: boolean): Promise<number | string>
  close(): void
}> {
  const socket: Socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  await once(socket, 'connect')
  let buffer = Buffer.alloc(0)
  let ended: string | undefined
  let wake = () => {}
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    wake()
  })
  for (const event of ['end', 'close', 'error'] as const) {
    socket.on(event, (error?: NodeJS.ErrnoException) => {
      ended ??= error?.code ?? event
      wake()
    })
  }
  const next = () =>
    new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 5000)
      const check = () => {
        const head = buffer.indexOf('\r\n\r\n')
        if (head !== -1) {
          const headers = buffer.subarray(0, head).toString('latin1')
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? 0)
          if (buffer.length >= head + 4 + length) {
            buffer = buffer.subarray(head + 4 + length)
            clearTimeout(timer)
            return resolve(Number(headers.split(' ')[1]))
          }
        }
        if (ended !== undefined) {
          clearTimeout(timer)
          resolve(ended)
        }
      }
      wake = check
      check()
    })
  return {
    send(head, body, chunked) {
      socket.write(head)
      if (body && !chunked) socket.write(body)
      if (body && chunked) {
        for (let i = 0; i < body.length; i += 16 * 1024) {
          const part = body.subarray(i, i + 16 * 1024)
          socket.write(`${part.length.toString(16)}\r\n`)
          socket.write(part)
          socket.write('\r\n')
        }
        socket.write('0\r\n\r\n')
      }
      return next()
    },
    close: () => socket.destroy(),
  }
}

const postHead = (path: string, chunked: boolean) =>
  `POST ${path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n${
    chunked ? 'transfer-encoding: chunked' : `content-length: ${BODY.length}`
  }\r\n\r\n`
const get = (path: string) => `GET ${path} HTTP/1.1\r\nhost: localhost\r\n\r\n`

describe('an oversized body costs no other request', () => {
  it.each([
    ['fetch, content-length', '/fetch/posts', '/hono/ok', false],
    ['fetch, chunked', '/fetch/posts', '/hono/ok', true],
    ['hono, content-length', '/hono/posts', '/fetch/ok', false],
    ['hono, chunked', '/hono/posts', '/fetch/ok', true],
    ['trpc, content-length', '/trpc/create', '/hono/ok', false],
    ['trpc, chunked', '/trpc/create', '/hono/ok', true],
  ] as const)(
    '%s: 413, then normal requests on the same connection and on a new one',
    async (_name, path, other, chunked) => {
      const results: Array<number | string> = []
      for (let round = 0; round < 3; round++) {
        const client = await open()
        const fresh = await open()
        try {
          results.push(await client.send(postHead(path, chunked), BODY, chunked))
          results.push(await client.send(get(other)))
          results.push(await fresh.send(get(other)))
        } finally {
          client.close()
          fresh.close()
        }
      }
      expect(results).toEqual([413, 200, 200, 413, 200, 200, 413, 200, 200])
    },
    20_000,
  )
})
