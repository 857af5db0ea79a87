// Error answers must not cost the client its keep-alive connection. workerd closes the
// connection of a request whose body the Worker did not read to its end (and resets it when the
// body was cancelled), so the client's next request on it fails: the load test lost hundreds of
// requests this way after 401, 403, 413 and 415 answers to POSTs. The adapters drain such a
// body first (core's drainBody). Real sockets against real workerd (Miniflare), one connection
// per case, two requests in turn on it.
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveWorker } from './serve-worker'

const WORKER = `
import { readJson, withErrors } from '@faultline/fetch'
import { errorHandler, notFoundHandler } from '@faultline/hono'
import { createError } from '@faultline/core/adapter'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'

const hono = new Hono()
hono.onError(errorHandler())
hono.notFound(notFoundHandler())
hono.post('/hono/posts', bearerAuth({ token: 'secret' }), (c) => c.json({}, 201))
hono.get('/hono/ok', (c) => c.text('ok'))

const fetchHandler = withErrors(async (request) => {
  const { pathname } = new URL(request.url)
  if (pathname === '/fetch/ok') return new Response('ok')
  if (pathname === '/fetch/auth') throw createError('UNAUTHORIZED')
  if (pathname === '/fetch/returned') return new Response('nope', { status: 403 })
  return Response.json(await readJson(request, { limit: 1024 }), { status: 201 })
})

export default {
  fetch: (request, env, ctx) =>
    new URL(request.url).pathname.startsWith('/hono/')
      ? hono.fetch(request, env, ctx)
      : fetchHandler(request, env, ctx),
}
`

let worker: Awaited<ReturnType<typeof serveWorker>> | undefined
let port: number

beforeAll(async () => {
  worker = await serveWorker(WORKER)
  port = worker.port
}, 60_000)

afterAll(() => worker?.dispose())

/** One HTTP/1.1 response read off the socket: its status, and whether the server closed after it. */
async function exchange(socket: Socket, request: string): Promise<number | 'closed'> {
  let buffer = Buffer.alloc(0)
  const received = new Promise<number | 'closed'>((resolve) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      const head = buffer.indexOf('\r\n\r\n')
      if (head === -1) return
      const headers = buffer.subarray(0, head).toString('latin1')
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? 0)
      if (buffer.length < head + 4 + length) return
      socket.off('data', onData)
      resolve(Number(headers.split(' ')[1]))
    }
    socket.on('data', onData)
    for (const event of ['end', 'close', 'error']) socket.once(event, () => resolve('closed'))
  })
  socket.write(request)
  return received
}

function post(path: string, body: string, headers = '') {
  return `POST ${path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`
}
const get = (path: string) => `GET ${path} HTTP/1.1\r\nhost: localhost\r\n\r\n`

describe('an error answer keeps the connection open on workerd', () => {
  const body = JSON.stringify({ title: 'x'.repeat(32 * 1024) })
  it.each([
    ['fetch: 401 thrown before the body was read', post('/fetch/auth', body), 401, '/fetch/ok'],
    [
      'fetch: 403 returned without reading the body',
      post('/fetch/returned', body),
      403,
      '/fetch/ok',
    ],
    ['fetch: 413 by content-length (readJson)', post('/fetch/posts', body), 413, '/fetch/ok'],
    [
      'fetch: 415 for a body that is not JSON',
      post('/fetch/posts', body).replace('application/json', 'text/plain'),
      415,
      '/fetch/ok',
    ],
    ['hono: 401 from bearerAuth', post('/hono/posts', body), 401, '/hono/ok'],
    ['hono: 404 from notFoundHandler', post('/hono/nowhere', body), 404, '/hono/ok'],
  ])('%s', async (_name, first, status, next) => {
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    try {
      expect(await exchange(socket, first)).toBe(status)
      expect(await exchange(socket, get(next))).toBe(200)
    } finally {
      socket.destroy()
    }
  })

  it('a body past the drain limit still gets its answer (the connection then closes)', async () => {
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    socket.on('error', () => {})
    try {
      const huge = JSON.stringify({ title: 'x'.repeat(512 * 1024) })
      expect(await exchange(socket, post('/fetch/auth', huge))).toBe(401)
    } finally {
      socket.destroy()
    }
  })
})
