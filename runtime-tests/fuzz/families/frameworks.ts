import { TRPCError } from '@trpc/server'
import fc from 'fast-check'
import { HTTPException } from 'hono/http-exception'
import { secretVal, statusVal } from '../fields'
import { expectFor, isErrorStatus, statusesOf, toCase } from '../oracle'
import { MARKER, materialise, secretText, type Val } from '../values'

const trpcCodes = [
  'BAD_REQUEST',
  'PARSE_ERROR',
  'UNAUTHORIZED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'PRECONDITION_REQUIRED',
  'TOO_MANY_REQUESTS',
  'CLIENT_CLOSED_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'NOT_IMPLEMENTED',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
] as const
const trpcStatus: Record<string, number> = {
  BAD_REQUEST: 400,
  PARSE_ERROR: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
}

/** `TRPCError`s with any code (and made-up ones), secret messages and causes. */
export const trpcError = fc
  .record({
    code: fc.oneof(
      fc.constantFrom(...trpcCodes),
      fc.constantFrom('constructor', '__proto__', 'NOPE', ''),
    ),
    message: fc.option(secretText, { nil: undefined }),
    cause: fc.option(
      fc.oneof(
        secretText.map((s): Val => ({ t: 'secret', s })),
        fc.constantFrom<Val>({ t: 'error', ctor: 'Error', s: MARKER }, { t: 'cyclic', s: MARKER }),
      ),
      { nil: undefined },
    ),
  })
  .map((spec) =>
    toCase('trpc-error', spec, () => {
      const thrown = new TRPCError({
        code: spec.code as 'NOT_FOUND',
        message: spec.message,
        cause: spec.cause === undefined ? undefined : materialise(spec.cause, true),
      })
      const status = trpcStatus[spec.code] ?? 500
      const causeMessage = spec.cause && 's' in spec.cause ? spec.cause.s : undefined
      const message = spec.message ?? causeMessage ?? spec.code
      const wrapperLike =
        spec.code === 'INTERNAL_SERVER_ERROR' &&
        message === (spec.cause === undefined ? spec.code : causeMessage)
      return {
        thrown,
        expect: expectFor([500]),
        // an INTERNAL_SERVER_ERROR whose message is its cause's is taken for tRPC's wrapper of
        // that cause, and the hook gets the cause (by design)
        trpc: expectFor([Object.hasOwn(trpcStatus, spec.code) ? status : 500], !wrapperLike),
      }
    }),
  )

/** Hono's `HTTPException`, with and without a `res`, with any status. */
export const httpException = fc
  .record({
    status: statusVal,
    message: fc.option(secretText, { nil: undefined }),
    cause: fc.option(secretVal, { nil: undefined }),
    res: fc.boolean(),
  })
  // a 3xx with a response is a thrown redirect, passed through untouched by design
  .filter((spec) => !(spec.res && spec.status.t === 'plain' && isRedirect(spec.status.v)))
  .map((spec) =>
    toCase('http-exception', spec, () => {
      const res = spec.res
        ? new Response('upstream body', {
            status: 401,
            headers: { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' },
          })
        : undefined
      const thrown = new HTTPException(materialise(spec.status, false) as 401, {
        message: spec.message,
        cause: spec.cause === undefined ? undefined : materialise(spec.cause, true),
        res,
      })
      const expect = expectFor(statusesOf({ mode: 'value', enumerable: true, val: spec.status }))
      const odd = spec.res && !(spec.status.t === 'plain' && isErrorStatus(spec.status.v))
      return { thrown, expect, tags: odd ? ['http-exception-odd-status'] : [] }
    }),
  )

function isRedirect(status: unknown): boolean {
  return Number.isInteger(status) && (status as number) >= 300 && (status as number) <= 399
}
