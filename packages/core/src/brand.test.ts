import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { isApiError } from './brand'
import { ApiError } from './error'

describe('isApiError', () => {
  it('recognises errors made by the catalog', () => {
    expect(isApiError(errors.create('VOTE_EXISTS'))).toBe(true)
    expect(isApiError(errors.create('VOTE_EXISTS'), 'VOTE_EXISTS')).toBe(true)
  })

  it('tells codes apart', () => {
    expect(isApiError(errors.create('VOTE_EXISTS'), 'NOT_FOUND')).toBe(false)
  })

  it('recognises an error from another copy of the package by its brand', () => {
    const foreign = { [Symbol.for('faultline.api-error')]: true, code: 'NOT_FOUND', status: 404 }
    expect(foreign instanceof ApiError).toBe(false)
    expect(isApiError(foreign, 'NOT_FOUND')).toBe(true)
  })

  it('does not pass the brand on to a copy made with spread', () => {
    expect(isApiError({ ...errors.create('VOTE_EXISTS') })).toBe(false)
  })

  it.each([
    ['a plain Error', new Error('x')],
    ['an object with a code', { code: 'NOT_FOUND', status: 404 }],
    ['null', null],
    ['a string', 'NOT_FOUND'],
    ['undefined', undefined],
  ])('rejects %s', (_, value) => {
    expect(isApiError(value)).toBe(false)
  })

  it('never throws, even on a proxy that throws on every trap', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    )
    expect(isApiError(hostile)).toBe(false)
  })
})
