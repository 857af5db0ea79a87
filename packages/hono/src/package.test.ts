import { expect, it } from 'vitest'
import * as api from './index'

it('exports the same runtime API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "declares",
      "errorBoundary",
      "errorHandler",
      "notFoundHandler",
      "validationHook",
      "validator",
    ]
  `)
})
