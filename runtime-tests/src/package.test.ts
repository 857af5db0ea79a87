import { expect, it } from 'vitest'
import * as entry from './entry'

it('exports what the runners load from the bundle', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "cases",
      "detectRuntime",
      "run",
    ]
  `)
})
