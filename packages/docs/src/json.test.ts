import { defaultErrors, defineErrors } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { biomeFormat } from '../test/biome'
import { formatJson, jsonEqual } from './json'
import { openApiComponents } from './openapi'

describe('formatJson', () => {
  it('lays JSON out the way Biome formats it, so a committed file passes biome check', () => {
    const x = (length: number) => 'x'.repeat(length)
    const value = {
      components: openApiComponents(defineErrors(defaultErrors)),
      empty: { object: {}, array: [] },
      // `    "key": ["x…x", 1],` is 100 columns with 81 x's and its comma: the widest that fits
      edge: { key: [x(81), 1], next: 1 },
      over: { key: [x(82), 1], next: 1 },
      // without a comma after it, the same line holds one more character
      last: { key: [x(82), 1] },
      nested: [[1, 2], [{ a: null }], ['日本語']],
    }
    const text = formatJson(value)
    expect(biomeFormat(text, 'components.json')).toBe(text)
    expect(JSON.parse(text)).toEqual(value)
    expect(text).toContain(`  "edge": {\n    "key": ["${x(81)}", 1],\n`)
    expect(text).toContain(`  "over": {\n    "key": [\n      "${x(82)}",\n      1\n    ],\n`)
    expect(text).toContain(`  "last": {\n    "key": ["${x(82)}", 1]\n`)
  })

  it('drops what JSON cannot hold, as JSON.stringify does', () => {
    expect(formatJson({ a: undefined, b: [undefined], c: 'x' })).toBe(
      '{\n  "b": [null],\n  "c": "x"\n}\n',
    )
  })
})

describe('jsonEqual', () => {
  it('compares member for member, whatever the key order', () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toBe(true)
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(jsonEqual([], {})).toBe(false)
  })
})
