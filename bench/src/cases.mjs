import { defaultErrors, defineErrors, problemDetails } from '@faultline/core'
import { withErrors } from '@faultline/fetch'
import { initTRPC, TRPCError } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'

/** The catalog every Faultline case throws from. */
export const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const URL_REST = 'http://localhost/posts/7'
const URL_TRPC = 'http://localhost/trpc/post.get'

/**
 * @typedef {object} SpeedCase
 * @property {string} id short stable id, used for ratios
 * @property {string} name what is measured
 * @property {string} [note] how it is set up
 * @property {boolean} [prototype] a prototype of a requested change, not shipped code
 * @property {() => Response | Promise<Response>} request one request: build a Request, answer it
 */

/** An `Error` made without a stack trace, as core makes its expected (4xx) errors. */
function stackless(/** @type {string} */ message) {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const error = new Error(message)
  Error.stackTraceLimit = limit
  return error
}

/**
 * A stackless `Error` with an HTTP status and a code, as a hand-written API would throw it.
 * @param {number} status @param {string} code @param {string} message
 */
function httpError(status, code, message) {
  return Object.assign(stackless(message), { status, code })
}

/** What `withErrors` sends besides the body, written out by hand. */
const ERROR_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  vary: 'accept',
}

/**
 * The hand-written equivalent of `withErrors` for errors that carry their status and code.
 * @param {(request: Request) => Response | Promise<Response>} handler
 */
function handWritten(handler) {
  return async (/** @type {Request} */ request) => {
    try {
      return await handler(request)
    } catch (e) {
      const { status, code, message } = /** @type {any} */ (e)
      return Response.json({ code, message }, { status, headers: ERROR_HEADERS })
    }
  }
}

/**
 * A `withErrors` handler that throws the catalog's `code`, answering the request `make` builds.
 * @param {import('@faultline/core').Catalog} catalog
 * @param {string} code
 * @param {() => Request} make
 * @param {import('@faultline/fetch').WithErrorsOptions} [options] more options of `withErrors`
 */
function fetchCase(catalog, code, make, options = {}) {
  const handler = withErrors(
    () => {
      throw catalog.create(code)
    },
    { ...options, catalog },
  )
  return () => handler(make())
}

/** A catalog of `count` codes, `CODE_0` to `CODE_<count - 1>`, all 404. */
function manyCodes(/** @type {number} */ count) {
  /** @type {Record<string, { status: number, message: string }>} */
  const definitions = {}
  for (let n = 0; n < count; n++) definitions[`CODE_${n}`] = { status: 404, message: `Code ${n}` }
  return definitions
}

/** A POST whose JSON body streams `chunks` times `chunk`. */
function upload(/** @type {Uint8Array} */ chunk, /** @type {number} */ chunks) {
  let sent = 0
  const body = new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) return controller.close()
      controller.enqueue(chunk)
    },
  })
  const init = { method: 'POST', body, headers: { 'content-type': 'application/json' } }
  return new Request(URL_REST, /** @type {RequestInit} */ ({ ...init, duplex: 'half' }))
}

/** @param {(app: Hono) => void} setup */
function hono(setup) {
  const app = new Hono()
  setup(app)
  return () => app.fetch(new Request(URL_REST))
}

/**
 * The Faultline adapters, loaded from their built `dist`; `undefined` while a package is missing.
 * @returns {Promise<{ hono?: typeof import('@faultline/hono'), trpc?: typeof import('@faultline/trpc') }>}
 */
export async function adapters() {
  const load = async (/** @type {string} */ name) => {
    try {
      return await import(name)
    } catch {
      return undefined
    }
  }
  return { hono: await load('@faultline/hono'), trpc: await load('@faultline/trpc') }
}

/** @returns {Promise<SpeedCase[]>} every speed case, in report order */
export async function speedCases() {
  const { hono: fh, trpc: ft } = await adapters()
  /** @type {SpeedCase[]} */
  const cases = [
    {
      id: 'floor',
      name: '1. floor: Response.json({ code, message }, { status: 404 })',
      request: async () => {
        new Request(URL_REST)
        return Response.json({ code: 'POST_NOT_FOUND', message: 'Post not found' }, { status: 404 })
      },
    },
    {
      id: 'hono-hand',
      name: '2. Hono, hand-written: throw new Error() + onError → c.json',
      request: hono((app) => {
        app.get('/posts/:id', () => {
          throw new Error('Post not found')
        })
        app.onError((err, c) => c.json({ code: 'POST_NOT_FOUND', message: err.message }, 404))
      }),
    },
    {
      id: 'hono-hand-stackless',
      name: '2b. Hono, hand-written, stackless Error (stackTraceLimit 0 while made) + onError → c.json',
      note: 'the lower bound of any throw-based error path on Hono',
      request: hono((app) => {
        app.get('/posts/:id', () => {
          throw stackless('Post not found')
        })
        app.onError((err, c) => c.json({ code: 'POST_NOT_FOUND', message: err.message }, 404))
      }),
    },
    {
      id: 'hono-hand-readme',
      name: "2c. Hono, hand-written like the README setup: a catch-all middleware, onError and notFound; stackless Error → c.json with Faultline's headers",
      note: 'what the README wiring costs without Faultline: the middleware takes Hono off its one-handler path',
      request: hono((app) => {
        app.use(async (c, next) => {
          try {
            await next()
          } catch {
            c.res = c.json(
              { code: 'SERVER_ERROR', message: 'Something went wrong' },
              500,
              ERROR_HEADERS,
            )
          }
        })
        app.onError((err, c) => {
          const { status, code, message } = /** @type {any} */ (err)
          return c.json({ code, message }, status, ERROR_HEADERS)
        })
        app.notFound((c) => c.json({ code: 'NOT_FOUND', message: 'Not found' }, 404, ERROR_HEADERS))
        app.get('/posts/:id', () => {
          throw httpError(404, 'POST_NOT_FOUND', 'Post not found')
        })
      }),
    },
    {
      id: 'hono-httpexception',
      name: '3. Hono, HTTPException(404), default handler',
      request: hono((app) => {
        app.get('/posts/:id', () => {
          throw new HTTPException(404, { message: 'Post not found' })
        })
      }),
    },
  ]
  if (fh) {
    cases.push(
      {
        id: 'hono-faultline-404',
        name: '4a. Hono + Faultline errorHandler alone (part of the README setup): catalog 404',
        request: hono((app) => {
          app.get('/posts/:id', () => {
            throw errors.create('POST_NOT_FOUND')
          })
          app.onError(fh.errorHandler({ catalog: errors }))
        }),
      },
      {
        id: 'hono-faultline-500',
        name: '4b. Hono + Faultline errorHandler: catalog 500 (stack captured, message redacted)',
        request: hono((app) => {
          app.get('/posts/:id', () => {
            throw errors.create('SERVER_ERROR', { message: 'connect ECONNREFUSED' })
          })
          app.onError(fh.errorHandler({ catalog: errors }))
        }),
      },
      {
        id: 'hono-faultline-readme',
        name: '4c. Hono README setup (errorBoundary + errorHandler + notFoundHandler with the app): catalog 404',
        note: 'the README wiring with options { catalog } (no request id, no reporting hook), so that it answers what 2b answers',
        request: hono((app) => {
          const options = { catalog: errors }
          app.use(fh.errorBoundary(options))
          app.onError(fh.errorHandler(options))
          app.notFound(fh.notFoundHandler({ ...options, app }))
          app.get('/posts/:id', () => {
            throw errors.create('POST_NOT_FOUND')
          })
        }),
      },
    )
  }
  cases.push(
    {
      id: 'hono-default-apierror',
      name: '4d. Hono default handler, catalog 404 (no adapter: ApiError.getResponse)',
      request: hono((app) => {
        app.get('/posts/:id', () => {
          throw errors.create('POST_NOT_FOUND')
        })
      }),
    },
    {
      id: 'fetch-hand-stackless',
      name: '5. Fetch, hand-written: try { return await handler(request) } catch → Response.json({ code, message }) of a stackless error, same status and headers',
      note: 'the lower bound of a wrapper that answers what withErrors answers',
      request: (() => {
        const handler = handWritten(() => {
          throw httpError(404, 'POST_NOT_FOUND', 'Post not found')
        })
        return () => handler(new Request(URL_REST))
      })(),
    },
    {
      id: 'fetch-faultline-404',
      name: '5a. withErrors fetch handler (the README setup, options { catalog }): catalog 404',
      request: fetchCase(errors, 'POST_NOT_FOUND', () => new Request(URL_REST)),
    },
    {
      id: 'fetch-faultline-problem',
      name: '5b. withErrors: catalog 404 as Problem Details (Accept: application/problem+json)',
      request: fetchCase(
        errors,
        'POST_NOT_FOUND',
        () => new Request(URL_REST, { headers: { accept: 'application/problem+json' } }),
        { problemDetails },
      ),
    },
    {
      id: 'fetch-faultline-1000-codes',
      name: '5c. withErrors: the last code of a 1,000-code catalog (5 is a 16-code one)',
      request: fetchCase(
        defineErrors({ ...defaultErrors, ...manyCodes(1000) }),
        'CODE_999',
        () => new Request(URL_REST),
      ),
    },
    ...[64 * 1024, 1024 * 1024].map((bytes) => ({
      id: `fetch-faultline-drain-${bytes / 1024}k`,
      name: `5${bytes < 1024 * 1024 ? 'd' : 'e'}. withErrors: 401 before the body, draining an unread ${bytes < 1024 * 1024 ? '64 KiB' : '1 MiB'} body`,
      note: 'the drain that keeps the connection on workerd; the body streams in 64 KiB chunks',
      request: (() => {
        const chunk = new Uint8Array(64 * 1024)
        return fetchCase(errors, 'UNAUTHORIZED', () => upload(chunk, bytes / chunk.byteLength))
      })(),
    })),
    {
      id: 'trpc-default',
      name: '6a. tRPC fetchRequestHandler: TRPCError NOT_FOUND, default formatter',
      request: trpc(initTRPC.create({ isDev: false }), () => {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Post not found' })
      }),
    },
  )
  if (ft) {
    // the README setup; request ids off, as tRPC's default sends none
    const trpcErrors = ft.createTRPCErrors({
      catalog: errors,
      onError: (thrown, { expected }) => {
        if (!expected) console.error(thrown)
      },
    })
    const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
    cases.push(
      {
        id: 'trpc-faultline-formatter',
        name: "6b. tRPC + the setup's errorFormatter alone (a part, not the setup): catalog 404",
        note: "tRPC's own fetchRequestHandler, without the setup's fetchHandler",
        request: trpc(t, () => {
          throw errors.create('POST_NOT_FOUND')
        }),
      },
      {
        id: 'trpc-faultline-full',
        name: '6c. tRPC + Faultline, the README setup (createTRPCErrors: errorFormatter + fetchHandler): catalog 404',
        note: 'the README setup, with its reporting hook; request ids off, as in 6a',
        request: trpc(
          t,
          () => {
            throw errors.create('POST_NOT_FOUND')
          },
          {},
          trpcErrors.fetchHandler,
        ),
      },
    )
  }
  return cases
}

/**
 * @param {any} t an initTRPC instance
 * @param {() => never} thrower the procedure body
 * @param {object} [extra] more handler options
 * @param {Function} [handler] tRPC's fetchRequestHandler, or the setup's fetchHandler
 */
function trpc(t, thrower, extra = {}, handler = fetchRequestHandler) {
  const router = t.router({ post: t.router({ get: t.procedure.query(thrower) }) })
  return () => handler({ endpoint: '/trpc', req: new Request(URL_TRPC), router, ...extra })
}
