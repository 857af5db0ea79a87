import type { TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODE_NUMBER } from '@trpc/server'

/**
 * Every tRPC error code with its HTTP status and JSON-RPC code, as tRPC 11 defines them. The one
 * table both directions of the mapping read: catalog status → tRPC code, tRPC code → status.
 * Where several codes share a status, the first listed wins (BAD_REQUEST over PARSE_ERROR).
 *
 * @example
 * ```ts
 * TRPC_CODES.PAYMENT_REQUIRED // { status: 402, rpc: -32002 }
 * ```
 */
export const TRPC_CODES = {
  BAD_REQUEST: { status: 400, rpc: -32600 },
  PARSE_ERROR: { status: 400, rpc: -32700 },
  UNAUTHORIZED: { status: 401, rpc: -32001 },
  PAYMENT_REQUIRED: { status: 402, rpc: -32002 },
  FORBIDDEN: { status: 403, rpc: -32003 },
  NOT_FOUND: { status: 404, rpc: -32004 },
  METHOD_NOT_SUPPORTED: { status: 405, rpc: -32005 },
  TIMEOUT: { status: 408, rpc: -32008 },
  CONFLICT: { status: 409, rpc: -32009 },
  PRECONDITION_FAILED: { status: 412, rpc: -32012 },
  PAYLOAD_TOO_LARGE: { status: 413, rpc: -32013 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, rpc: -32015 },
  UNPROCESSABLE_CONTENT: { status: 422, rpc: -32022 },
  PRECONDITION_REQUIRED: { status: 428, rpc: -32028 },
  TOO_MANY_REQUESTS: { status: 429, rpc: -32029 },
  CLIENT_CLOSED_REQUEST: { status: 499, rpc: -32099 },
  INTERNAL_SERVER_ERROR: { status: 500, rpc: -32603 },
  NOT_IMPLEMENTED: { status: 501, rpc: -32603 },
  BAD_GATEWAY: { status: 502, rpc: -32603 },
  SERVICE_UNAVAILABLE: { status: 503, rpc: -32603 },
  GATEWAY_TIMEOUT: { status: 504, rpc: -32603 },
} as const satisfies Record<
  TRPC_ERROR_CODE_KEY,
  { readonly status: number; readonly rpc: TRPC_ERROR_CODE_NUMBER }
>

const byStatus = new Map<number, TRPC_ERROR_CODE_KEY>()
const byRpc = new Map<number, TRPC_ERROR_CODE_KEY>()
for (const [code, { status, rpc }] of Object.entries(TRPC_CODES)) {
  if (!byStatus.has(status)) byStatus.set(status, code as TRPC_ERROR_CODE_KEY)
  if (!byRpc.has(rpc)) byRpc.set(rpc, code as TRPC_ERROR_CODE_KEY)
}

/**
 * The tRPC code for an HTTP status: the exact one when tRPC has it, else BAD_REQUEST for a 4xx
 * and INTERNAL_SERVER_ERROR for a 5xx (the formatter still sends the exact status).
 *
 * @example
 * ```ts
 * trpcCodeOf(429) // 'TOO_MANY_REQUESTS'
 * trpcCodeOf(410) // 'BAD_REQUEST'
 * ```
 */
export function trpcCodeOf(status: number): TRPC_ERROR_CODE_KEY {
  return byStatus.get(status) ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR')
}

/**
 * The HTTP status of a tRPC code (a key such as `'NOT_FOUND'` or a JSON-RPC number such as
 * `-32004`), or `undefined` when it is not one.
 *
 * @example
 * ```ts
 * statusOfTRPCCode('METHOD_NOT_SUPPORTED') // 405
 * statusOfTRPCCode(-32004) // 404
 * ```
 */
export function statusOfTRPCCode(code: unknown): number | undefined {
  const key = typeof code === 'number' ? byRpc.get(code) : code
  return typeof key === 'string' && Object.hasOwn(TRPC_CODES, key)
    ? TRPC_CODES[key as TRPC_ERROR_CODE_KEY].status
    : undefined
}
