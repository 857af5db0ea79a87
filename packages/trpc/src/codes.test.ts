import {
  JSONRPC2_TO_HTTP_CODE,
  TRPC_ERROR_CODES_BY_KEY,
} from '@trpc/server/unstable-core-do-not-import'
import { expect, it } from 'vitest'
import { statusOfTRPCCode, TRPC_CODES, trpcCodeOf } from './codes'

it("matches tRPC's own tables of statuses and JSON-RPC codes", () => {
  const ours = Object.fromEntries(
    Object.entries(TRPC_CODES).map(([code, { status }]) => [code, status]),
  )
  const rpc = Object.fromEntries(
    Object.entries(TRPC_CODES).map(([code, entry]) => [code, entry.rpc]),
  )
  expect(ours).toEqual(JSONRPC2_TO_HTTP_CODE)
  expect(rpc).toEqual(TRPC_ERROR_CODES_BY_KEY)
})

it('gives the tRPC code for every status tRPC knows, and the class code for others', () => {
  const statuses = [400, 401, 402, 403, 404, 405, 408, 409, 410, 412, 413, 415, 418, 422, 428, 429]
  expect(Object.fromEntries(statuses.map((status) => [status, trpcCodeOf(status)]))).toEqual({
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    402: 'PAYMENT_REQUIRED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_SUPPORTED',
    408: 'TIMEOUT',
    409: 'CONFLICT',
    410: 'BAD_REQUEST',
    412: 'PRECONDITION_FAILED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    418: 'BAD_REQUEST',
    422: 'UNPROCESSABLE_CONTENT',
    428: 'PRECONDITION_REQUIRED',
    429: 'TOO_MANY_REQUESTS',
  })
  expect([499, 500, 501, 502, 503, 504, 507].map(trpcCodeOf)).toEqual([
    'CLIENT_CLOSED_REQUEST',
    'INTERNAL_SERVER_ERROR',
    'NOT_IMPLEMENTED',
    'BAD_GATEWAY',
    'SERVICE_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
    'INTERNAL_SERVER_ERROR',
  ])
})

it('gives the status of a tRPC code by key or JSON-RPC number', () => {
  expect(
    ['PARSE_ERROR', 'METHOD_NOT_SUPPORTED', -32004, -32603, 'toString', 'NOPE', undefined].map(
      statusOfTRPCCode,
    ),
  ).toEqual([400, 405, 404, 500, undefined, undefined, undefined])
})
