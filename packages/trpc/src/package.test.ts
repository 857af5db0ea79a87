import { expect, it } from 'vitest'
import * as api from './index'

it('exports exactly this runtime API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "TRPC_CODES",
      "createTRPCErrors",
      "fromTRPCClientError",
      "fromTRPCError",
      "queryRetryOptions",
      "retryLinkOptions",
      "statusOfTRPCCode",
      "toTRPCError",
      "trpcCodeFor",
    ]
  `)
})
