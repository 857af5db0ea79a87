import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { defineErrors, docUrlOf } from './catalog'
import { defaultErrors } from './defaults'
import { ApiError } from './error'

describe('defineErrors', () => {
  it('creates errors with the status and default message of their entry', () => {
    const error = errors.create('VOTE_EXISTS')
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(Error)
    expect([error.code, error.status, error.message]).toEqual([
      'VOTE_EXISTS',
      409,
      'User has already voted on this post',
    ])
  })

  it('carries data, a message and a cause', () => {
    const cause = new Error('row missing')
    const error = errors.create('POST_NOT_FOUND', {
      data: { postId: 'p_1' },
      message: 'No post p_1',
      cause,
    })
    expect(error.data).toEqual({ postId: 'p_1' })
    expect(error.message).toBe('No post p_1')
    expect(error.defaultMessage).toBe('Post not found')
    expect(error.cause).toBe(cause)
  })

  it('takes the retry delay of the entry unless one is given', () => {
    expect(errors.create('UPSTREAM_DOWN').retryAfter).toBe(30)
    expect(errors.create('UPSTREAM_DOWN', { retryAfter: 5 }).retryAfter).toBe(5)
  })

  it('merges the headers of the entry with those of the error', () => {
    const catalog = defineErrors({
      UNAUTHORIZED: {
        status: 401,
        message: 'Unauthorized',
        headers: { 'www-authenticate': 'Bearer' },
      },
    })
    const error = catalog.create('UNAUTHORIZED', { headers: { 'x-extra': '1' } })
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer', 'x-extra': '1' })
    expect(error.getResponse().headers.get('www-authenticate')).toBe('Bearer')
  })

  it('finds the generic code for a status before app codes that share it', () => {
    const appFirst = defineErrors({
      POST_NOT_FOUND: { status: 404, message: 'Post not found' },
      ...defaultErrors,
    })
    expect(appFirst.codeFor(404)).toBe('NOT_FOUND')
    expect(appFirst.codeFor(400)).toBe('BAD_REQUEST')
    expect(errors.codeFor(418)).toBeUndefined()
    expect(defineErrors({ GONE: { status: 410, message: 'Gone' } }).codeFor(410)).toBe('GONE')
  })

  it('answers whether it knows a code', () => {
    expect(errors.has('VOTE_EXISTS')).toBe(true)
    expect(errors.has('NOPE')).toBe(false)
    expect(errors.has(42)).toBe(false)
    expect(errors.is(errors.create('VOTE_EXISTS'), 'VOTE_EXISTS')).toBe(true)
    expect(errors.is(new Error('x'))).toBe(false)
  })

  it('freezes its definitions', () => {
    expect(Object.isFrozen(errors.definitions)).toBe(true)
  })

  it.each([
    ['an empty code', { '': { status: 400, message: 'x' } }, ''],
    ['a blank code', { '  ': { status: 400, message: 'x' } }, '  '],
    ['a 2xx status', { OK: { status: 200, message: 'x' } }, 'OK'],
    ['a status over 599', { BIG: { status: 600, message: 'x' } }, 'BIG'],
    ['a fractional status', { HALF: { status: 404.5, message: 'x' } }, 'HALF'],
    ['a missing status', { NOSTATUS: { message: 'x' } }, 'NOSTATUS'],
    ['a missing message', { MUTE: { status: 400, message: '' } }, 'MUTE'],
    ['a message that is not a string', { ODD: { status: 400, message: 7 } }, 'ODD'],
    ['a missing definition', { NONE: null }, 'NONE'],
  ])('rejects %s at definition time, naming the code', (_, definitions, code) => {
    expect(() => defineErrors(definitions as never)).toThrow(
      new TypeError(
        `Error code "${code}" needs a non-empty name, an integer status from 400 to 599 and a non-empty message`,
      ),
    )
  })

  it('rejects a code defined twice when extending', () => {
    expect(() => errors.extend({ VOTE_EXISTS: { status: 409, message: 'again' } })).toThrow(
      new TypeError('Error code "VOTE_EXISTS" is defined twice'),
    )
  })

  it('extends a catalog with new codes', () => {
    const more = errors.extend({ GONE: { status: 410, message: 'Gone' } })
    expect(more.create('GONE').status).toBe(410)
    expect(more.create('VOTE_EXISTS').status).toBe(409)
  })

  it('links each error to its section of the reference when the catalog has a docUrl', () => {
    const linked = defineErrors(defaultErrors, { referenceUrl: 'https://api.example/errors' })
    const error = linked.create('NOT_FOUND')
    expect(error.toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
      docUrl: 'https://api.example/errors#not_found',
    })
    expect(linked.extend({ GONE: { status: 410, message: 'Gone' } }).create('GONE').docUrl).toBe(
      'https://api.example/errors#gone',
    )
    expect(docUrlOf(linked, 'NOPE')).toBeUndefined()
    expect(errors.create('NOT_FOUND').docUrl).toBeUndefined()
  })

  it('refuses to create a code it does not define', () => {
    const create = errors.create as (code: string) => unknown
    expect(() => create('NOPE')).toThrow('Unknown error code "NOPE"')
  })
})
