import { describe, expect, it } from 'vitest'
import { type DefaultCode, defaultDescriptions, defaultErrors } from './defaults'

// Each code's status, message and retryable mark is pinned where it shows: the committed
// reference of this catalog, packages/docs/examples/default-errors.md (docs' examples test).
describe('defaultErrors', () => {
  it('gives every entry a message and a longer description', () => {
    for (const [code, entry] of Object.entries(defaultErrors)) {
      expect(entry.message.length).toBeGreaterThan(0)
      expect(defaultDescriptions[code as DefaultCode].length).toBeGreaterThan(entry.message.length)
    }
    expect(Object.keys(defaultDescriptions)).toEqual(Object.keys(defaultErrors))
  })
})
