import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { defineErrors } from './catalog'
import { defaultErrors } from './defaults'
import { methodNotAllowed, notFound } from './routing'

describe('notFound', () => {
  it("is the catalog's NOT_FOUND, with a message when given", () => {
    expect(notFound({ catalog: errors }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
    })
    expect(notFound({ message: 'No such route' }).message).toBe('No such route')
  })
})

describe('methodNotAllowed', () => {
  it.each([
    [['GET'], 'GET, HEAD'],
    [['post', 'GET'], 'GET, HEAD, POST'],
    [['DELETE', 'POST', 'POST '], 'POST, DELETE'],
    [['PROPFIND', 'OPTIONS', 'PATCH', 'GET', 'HEAD'], 'GET, HEAD, PATCH, OPTIONS, PROPFIND'],
    [new Set(['PUT']), 'PUT'],
    [['PROPFIND', 'MKCOL', ' ', 'LOCK'], 'LOCK, MKCOL, PROPFIND'],
  ])('answers 405 for %j with allow: %s', (allowed, allow) => {
    const error = methodNotAllowed(allowed, { catalog: errors })
    expect(error.status).toBe(405)
    expect(error.code).toBe('METHOD_NOT_ALLOWED')
    expect(error.headers).toEqual({ allow })
  })
})

describe('route errors from another catalog', () => {
  it("take the catalog's own wording of the code", () => {
    const custom = defineErrors({
      ...defaultErrors,
      NOT_FOUND: { status: 404, message: 'Nothing here' },
    })
    expect(notFound({ catalog: custom }).message).toBe('Nothing here')
  })

  it('fall back to the default entries for a catalog without them, never another 404 code', () => {
    const bare = defineErrors({ POST_NOT_FOUND: { status: 404, message: 'Post not found' } })
    expect(methodNotAllowed(['GET'], { catalog: bare }).status).toBe(405)
    expect(notFound({ catalog: bare }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
    })
  })
})
