import { isApiError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { demoFail } from './demo'

describe('demoFail', () => {
  it('throws a plain Error with a secret in its message for 500', async () => {
    const error = await demoFail(500).catch((e: unknown) => e)
    expect(isApiError(error)).toBe(false)
    expect(String(error)).toContain('hunter2')
  })

  it.each([
    [502, 'BAD_GATEWAY', undefined],
    [503, 'SERVICE_UNAVAILABLE', 30],
    [504, 'GATEWAY_TIMEOUT', undefined],
  ] as const)('throws %i %s, as an upstream failure would', async (status, code, retryAfter) => {
    const error = await demoFail(status).catch((e: unknown) => e)
    expect(error).toMatchObject({ code, status, retryAfter })
    expect((error as Error).cause).toBeDefined()
  })
})
