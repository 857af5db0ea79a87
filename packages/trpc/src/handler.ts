import { type Catalog, createError, drainBody, readJsonText } from '@faultline/core/adapter'
import type { AnyTRPCRouter } from '@trpc/server'
import type { FetchCreateContextFn } from '@trpc/server/adapters/fetch'
import {
  type HTTPBaseHandlerOptions,
  type ResponseMeta,
  type ResponseMetaFn,
  resolveResponse,
} from '@trpc/server/http'
import { responseMeta } from './meta'
import type { Reporter, TRPCOnErrorInput } from './report'

/**
 * Options of a setup's `fetchHandler`: those of tRPC's `fetchRequestHandler` (its `onError` is
 * the setup's), plus the body limit and `waitUntil`.
 */
export type FetchHandlerOptions<TRouter extends AnyTRPCRouter> = Omit<
  HTTPBaseHandlerOptions<TRouter, Request>,
  'onError' | 'responseMeta'
> & {
  readonly req: Request
  /** The path the router is served at, such as `/trpc`. */
  readonly endpoint: string
  readonly createContext?: FetchCreateContextFn<TRouter>
  /** Your own `responseMeta`; its headers and status are kept. */
  readonly responseMeta?: ResponseMetaFn<TRouter>
  /** The largest JSON body read, in bytes, counted on the stream; 1 MiB by default. */
  readonly bodyLimit?: number
  /**
   * Let tRPC read `multipart/form-data` and `application/octet-stream` bodies itself, for
   * procedures with FormData or binary inputs (without `bodyLimit`). Off by default: they are
   * answered 415, as on every other surface.
   */
  readonly nonJsonContentTypes?: boolean
  /** Keeps an async `onError` alive past the response (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: (promise: Promise<unknown>) => void
}

/** What the handler takes from its setup, made once for every request. */
export interface HandlerSetup {
  /** The catalog errors are mapped to; the same one as the formatter's. */
  readonly catalog?: Catalog
  readonly report: Reporter
  /** The setup's `responseMeta`, for handlers without their own. */
  readonly responseMeta: ResponseMetaFn<AnyTRPCRouter>
}

// What tRPC reads itself, as FormData or a stream, when `nonJsonContentTypes` is on.
const OWN_TYPES = /^\s*(multipart\/form-data|application\/octet-stream)\s*(;|$)/i

/**
 * tRPC's `fetchRequestHandler` with Faultline's request model, so that a tRPC endpoint answers a
 * bad request as every other surface does, in this order: an unknown procedure 404; a method
 * the procedure does not serve 405 with `Allow` (`GET, HEAD` for a query, `POST` for a
 * mutation; `OPTIONS`, `PUT`… included); authentication (middlewares, or a `createContext` that
 * throws) before the body; then the body, read by core's one reader when an input is read
 * (415 for a body that is not JSON, `+json` types accepted; 413 past `bodyLimit`; 400 for
 * malformed JSON); then validation. `HEAD` is a query without its body. A batch over
 * `maxBatchSize` calls is one 400 `BAD_REQUEST`. Reporting (`onError`), response headers and
 * request ids come from the setup (`createTRPCErrors`), made once, not per request.
 */
export function fetchHandler<TRouter extends AnyTRPCRouter>(
  options: FetchHandlerOptions<TRouter>,
  setup: HandlerSetup,
): Promise<Response> {
  // A GET needs nothing once tRPC has answered: no body to drain or to drop, and no `Allow: GET`
  // to widen (only a mutation refuses a GET, with `Allow: POST`). Its answer is tRPC's own
  // promise, without a layer of ours.
  if (options.req.method === 'GET') return resolve(options, setup)
  return answer(options, setup)
}

async function answer<TRouter extends AnyTRPCRouter>(
  options: FetchHandlerOptions<TRouter>,
  setup: HandlerSetup,
): Promise<Response> {
  const request = options.req
  const response = await resolve(options, setup)
  if (response.status >= 400) await drainBody(request)
  const allow = response.headers.get('allow')
  if (allow?.startsWith('GET')) response.headers.set('allow', `GET, HEAD${allow.slice(3)}`)
  return request.method === 'HEAD' ? new Response(null, response) : response
}

/**
 * What tRPC's `fetchRequestHandler` does, given the stand-in request and the setup's hooks:
 * `createContext` gets `{ req, resHeaders, info }` (`req` the request the app was sent), and
 * the headers it sets join those of `responseMeta`. Written out rather than called, because that
 * adapter copies every option (and each `onError` input) key by key on each request, which
 * costs the error path more than the rest of the setup.
 */
function resolve<TRouter extends AnyTRPCRouter>(
  options: FetchHandlerOptions<TRouter>,
  setup: HandlerSetup,
): Promise<Response> {
  const { req: request, endpoint, bodyLimit, nonJsonContentTypes, waitUntil, ...rest } = options
  const { catalog, report } = setup
  const req = guarded(request, { catalog, limit: bodyLimit }, nonJsonContentTypes)
  const createContext = options.createContext as
    | ((inner: { req: Request; resHeaders?: Headers }) => unknown)
    | undefined
  const own = options.responseMeta
  const meta = own ? responseMeta({ responseMeta: own }) : setup.responseMeta
  // Where tRPC's adapter gathers the headers `createContext` sets and those of `responseMeta`;
  // without either, the setup's headers go to tRPC as they are.
  const resHeaders = createContext || own ? new Headers() : undefined
  // `Object.assign`, not `{ ...rest, req, … }`: on Node 20's V8, each key written after a spread
  // costs ~1.5 µs, more than the rest of the handler
  return resolveResponse(
    Object.assign(rest, {
      req,
      path: pathOf(req.url, endpoint),
      error: null,
      createContext: createContext
        ? async (inner: object) => createContext({ req: request, resHeaders, ...inner })
        : noContext,
      onError: (input: TRPCOnErrorInput) => {
        const refused =
          input.type === 'unknown' &&
          input.path === undefined &&
          batchSize(req) > (options.maxBatchSize ?? Infinity)
        const apiError = refused
          ? createError('BAD_REQUEST', {
              catalog,
              message: `A batch may hold at most ${options.maxBatchSize} calls`,
            })
          : undefined
        report(input, { req: request, waitUntil, apiError })
      },
      responseMeta: resHeaders
        ? (data: Parameters<typeof meta>[0]) => {
            const { headers, status } = meta(data)
            appendHeaders(resHeaders, headers)
            return { headers: resHeaders, status }
          }
        : meta,
    }) as unknown as Parameters<typeof resolveResponse<TRouter>>[0],
  )
}

const noContext = async () => undefined

/** The procedure path tRPC's fetch adapter reads from the URL, past the endpoint. */
function pathOf(url: string, endpoint: string): string {
  const pathname = trimSlashes(new URL(url).pathname)
  return trimSlashes(pathname.slice(trimSlashes(endpoint).length))
}

function trimSlashes(path: string): string {
  const trimmed = path.startsWith('/') ? path.slice(1) : path
  return trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed
}

/** tRPC's fetch adapter's merge: a `Headers` appended; a record set, or appended for arrays. */
function appendHeaders(into: Headers, headers: ResponseMeta['headers']): void {
  if (headers instanceof Headers) {
    for (const [name, value] of headers.entries()) into.append(name, value)
    return
  }
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Array.isArray(value)) for (const one of value) into.append(name, one)
    else if (typeof value === 'string') into.set(name, value)
  }
}

/**
 * The request tRPC reads: `HEAD` as `GET`; a body (unless tRPC reads its type itself) typed as
 * JSON so that tRPC gets as far as the procedure, and read through core's reader only when the
 * procedure reads its input, after the middlewares that authenticate.
 */
function guarded(
  request: Request,
  options: { catalog?: Catalog; limit?: number },
  nonJson = false,
): Request {
  if (request.method === 'GET') return request
  if (request.method === 'HEAD') {
    return new Request(request.url, { headers: request.headers, signal: request.signal })
  }
  if (nonJson && OWN_TYPES.test(request.headers.get('content-type') ?? '')) return request
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  const req = new Request(request.url, { method: request.method, headers, signal: request.signal })
  Object.defineProperty(req, 'text', { value: () => readJsonText(request, options) })
  return req
}

function batchSize(request: Request): number {
  const url = new URL(request.url)
  if (url.searchParams.get('batch') !== '1') return 1
  return url.pathname.split(',').length
}
