import { describe, expect, it } from 'vitest'
import { type DefaultCode, defaultDescriptions, defaultErrors } from './defaults'

describe('defaultErrors', () => {
  it('covers every status of the convention, plus 405, 413, 415 and 422', () => {
    const statuses = Object.fromEntries(
      Object.entries(defaultErrors).map(([code, entry]) => [code, entry.status]),
    )
    expect(statuses).toEqual({
      BAD_REQUEST: 400,
      VALIDATION_ERROR: 400,
      UNAUTHORIZED: 401,
      REQUEST_FAILED: 402,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      UNPROCESSABLE_CONTENT: 422,
      TOO_MANY_REQUESTS: 429,
      SERVER_ERROR: 500,
      BAD_GATEWAY: 502,
      SERVICE_UNAVAILABLE: 503,
      GATEWAY_TIMEOUT: 504,
    })
  })

  it('gives every entry a message and a longer description', () => {
    for (const [code, entry] of Object.entries(defaultErrors)) {
      expect(entry.message.length).toBeGreaterThan(0)
      expect(defaultDescriptions[code as DefaultCode].length).toBeGreaterThan(entry.message.length)
    }
    expect(Object.keys(defaultDescriptions)).toEqual(Object.keys(defaultErrors))
  })

  it('marks the statuses a client may retry', () => {
    const retryable = Object.entries(defaultErrors)
      .filter(([, entry]) => 'retryable' in entry && entry.retryable)
      .map(([code]) => code)
    expect(retryable).toEqual([
      'TOO_MANY_REQUESTS',
      'BAD_GATEWAY',
      'SERVICE_UNAVAILABLE',
      'GATEWAY_TIMEOUT',
    ])
  })
})
