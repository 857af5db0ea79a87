import { expect, it } from 'vitest'
import { isJsonContentType } from './content-type'

it.each([
  ['application/json', true],
  ['Application/JSON; charset=utf-8', true],
  ['application/problem+json', true],
  ['application/merge-patch+json;charset=utf-8', true],
  ['application/json-seq', false],
  ['application/json; charset=UTF-8', true],
  ['application/json;charset="utf8"', true],
  ['application/json; charset=iso-8859-1', false],
  ['application/ld+json; charset=utf-16', false],
  ['text/json', false],
  ['text/plain', false],
  ['application/x-www-form-urlencoded', false],
  ['', false],
  [null, false],
  [undefined, false],
])('%j is JSON: %s', (header, expected) => {
  expect(isJsonContentType(header)).toBe(expected)
})
