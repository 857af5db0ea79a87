import {
  type ApiError,
  type ApiErrorOf,
  type Catalog,
  type CodeBody,
  defaultCatalog,
  type defaultErrors,
  type ErrorBody,
  errorHeaders,
  retryAfterSeconds,
  toApiError,
  toBody,
} from '@faultline/core/adapter'
import type {
  TRPC_ERROR_CODE_NUMBER,
  TRPCDefaultErrorData,
  TRPCErrorFormatter,
  TRPCErrorShape,
} from '@trpc/server'
import { TRPC_CODES, trpcCodeOf } from './codes'
import { fromTRPCError } from './normalize'
import { stateOf } from './state'

/**
 * The union of the wire bodies a catalog can send (or, given `TCode`, those of some of its codes),
 * narrowable on `code`.
 */
export type ErrorBodyOf<TCatalog extends Catalog, TCode extends string = string> =
  ApiErrorOf<TCatalog> extends infer E
    ? E extends ApiError<infer C, infer D>
      ? C extends TCode
        ? CodeBody<C, D>
        : never
      : never
    : never

/**
 * `data` of the Faultline error shape: tRPC's own `code`, `httpStatus` (the catalog status) and
 * `path`, plus the catalog body under `error`. There is never a `stack`.
 */
export interface FaultlineErrorData<
  TCatalog extends Catalog = Catalog,
  TCode extends string = string,
> extends Omit<TRPCDefaultErrorData, 'stack'> {
  /** The catalog error, exactly the body the other adapters send: `{ code, message, … }`. */
  error: ErrorBodyOf<TCatalog, TCode>
  /**
   * Seconds to wait before retrying this call (its `Retry-After`): per call, since a batch
   * shares one response and so one header.
   */
  retryAfter?: number
}

/**
 * The error shape the formatter sends: tRPC's envelope with the catalog error in `data` (of
 * `TCode` only, for a procedure that declares its errors).
 */
export interface FaultlineErrorShape<
  TCatalog extends Catalog = Catalog,
  TCode extends string = string,
> extends TRPCErrorShape<FaultlineErrorData<TCatalog, TCode>> {
  message: string
  code: TRPC_ERROR_CODE_NUMBER
}

type TRPCFormatterInput = Parameters<TRPCErrorFormatter<unknown, TRPCErrorShape>>[0]

/** What a `format` callback gets: tRPC's formatter options with the Faultline shape. */
export type FormatInput<TCatalog extends Catalog> = Omit<TRPCFormatterInput, 'shape'> & {
  shape: FaultlineErrorShape<TCatalog>
  /** The catalog error behind the shape (unredacted: do not send its message for 5xx). */
  apiError: ApiErrorOf<TCatalog>
}

/** Options of {@link errorFormatter}, given to `createTRPCErrors`. */
export interface ErrorFormatterOptions<TCatalog extends Catalog, TShape> {
  /** The catalog that errors are mapped to. Defaults to core's default catalog. */
  catalog?: TCatalog
  /** Send the thrown message of a 5xx (local development only). Stacks are never sent. */
  exposeServerErrors?: boolean
  /** Your own formatter, given the Faultline shape to extend; a throw falls back to it. */
  format?: (input: FormatInput<TCatalog>) => TShape
}

/**
 * A tRPC `errorFormatter` that keeps tRPC's envelope (every tRPC client still works) and puts
 * the catalog error in `data.error`, with `data.httpStatus` set to the catalog status so that the
 * response carries it, and the envelope `message` set to the public message. 5xx messages,
 * stacks and causes are never sent, whatever `isDev` says. Apps get it from `createTRPCErrors`:
 * `{"error":{"message":"Post not found","code":-32004,"data":{"code":"NOT_FOUND",
 * "httpStatus":404,"path":"post.get","error":{"code":"POST_NOT_FOUND","message":"Post not found"}}}}`.
 */
export function errorFormatter<
  TCatalog extends Catalog = Catalog<typeof defaultErrors>,
  TShape extends TRPCErrorShape = FaultlineErrorShape<TCatalog>,
>(
  options: ErrorFormatterOptions<TCatalog, TShape> = {},
): TRPCErrorFormatter<unknown, NoInfer<TShape>> {
  const catalog = options.catalog ?? defaultCatalog()
  return (input) => {
    const state = stateOf(input.error)
    const reported = state.reported?.catalog === catalog ? state.reported.apiError : undefined
    let apiError: ApiError
    let shape: FaultlineErrorShape<TCatalog>
    try {
      apiError = reported ?? fromTRPCError(input.error, { catalog, input: input.input })
      shape = toShape(apiError, input, state.requestId, options.exposeServerErrors)
    } catch {
      apiError = toApiError(undefined)
      shape = toShape(apiError, input, state.requestId, false)
    }
    state.rendered = apiError
    if (!options.format) return shape as unknown as TShape
    try {
      return options.format({ ...input, shape, apiError: apiError as ApiErrorOf<TCatalog> })
    } catch {
      return shape as unknown as TShape
    }
  }
}

function toShape<TCatalog extends Catalog>(
  apiError: ApiError,
  input: TRPCFormatterInput,
  knownId: string | undefined,
  exposeServerErrors = false,
): FaultlineErrorShape<TCatalog> {
  const requestId = knownId ?? apiError.requestId
  const body = jsonSafe(toBody(apiError, { requestId, exposeServerErrors }))
  const code = trpcCodeOf(apiError.status)
  const retryAfter = retryAfterSeconds(errorHeaders(apiError)['retry-after'])
  return {
    message: body.message,
    code: TRPC_CODES[code].rpc,
    data: {
      code,
      httpStatus: apiError.status,
      // A path tRPC found no procedure for is the client's own input: not echoed back.
      ...(typeof input.path === 'string' && input.type !== 'unknown' ? { path: input.path } : {}),
      error: body as ErrorBodyOf<TCatalog>,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    },
  }
}

// tRPC stringifies the whole response (the batch) at once, from the live objects: data that
// fails to serialise (or serialises only once: a getter, a toJSON) would fail it all. Code,
// message, errors and request id are plain strings made by core; only `data` needs the copy.
function jsonSafe(body: ErrorBody): ErrorBody {
  if (body.data === undefined) return body
  try {
    const data: unknown = JSON.parse(JSON.stringify(body.data))
    if (!deeperThan(data, MAX_DATA_DEPTH)) return { ...body, data }
  } catch {
    // unserialisable data is dropped, never the response
  }
  const { data: _data, ...rest } = body
  return rest
}

const MAX_DATA_DEPTH = 64

function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next
    if (depth > limit) return true
    if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) pending.push([child, depth + 1])
    }
  }
  return false
}
