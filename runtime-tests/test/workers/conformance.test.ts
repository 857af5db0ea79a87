import { describe, expect, it } from 'vitest'
import { cases } from '../../src/cases'
import { runCase } from '../../src/run'
import { detectRuntime } from '../../src/runtime'

describe('the runtime', () => {
  it('is workerd', () => {
    expect(detectRuntime().name).toBe('workerd')
  })
})

describe('conformance', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(await runCase(c)).toEqual([])
  })
})
