import { expect, it } from 'vitest'
import * as docs from './index'

it('exports exactly the public API', () => {
  expect(Object.keys(docs).sort()).toMatchInlineSnapshot(`
    [
      "errorResponses",
      "openApiComponents",
      "renderErrorReference",
      "withErrorComponents",
    ]
  `)
})
