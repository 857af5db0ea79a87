import { expect, it } from 'vitest'
import * as api from './index'

it('exports exactly this runtime API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "createTRPCErrors",
      "fromTRPCClientError",
      "fromTRPCError",
      "queryRetryOptions",
      "retryLinkOptions",
      "toTRPCError",
    ]
  `)
})
