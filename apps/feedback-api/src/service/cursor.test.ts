import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor'

describe('cursors', () => {
  it('reads back what it wrote, as base64url text', () => {
    const cursor = { createdAt: '2026-01-06T09:00:00.000Z', id: 'é/+?id with spaces' }
    const text = encodeCursor(cursor)
    expect(text).toMatch(/^[\w-]+$/)
    expect(decodeCursor(text)).toEqual(cursor)
  })

  it.each([
    ['', 'empty'],
    ['not a cursor', 'not base64url'],
    [btoa('2026-01-06T09:00:00.000Z'), 'no id'],
    [btoa('yesterday some-id').replace(/=+$/, ''), 'no ISO time'],
    [btoa('\xff\xfe').replace(/=+$/, ''), 'not UTF-8'],
    ['A'.repeat(401), 'too long'],
  ])('refuses %j (%s)', (text) => {
    expect(decodeCursor(text)).toBeUndefined()
  })
})
