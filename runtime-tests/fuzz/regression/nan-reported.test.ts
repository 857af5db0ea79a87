// Flaky oracle (found by `pnpm fuzz`, seed 1265018614, path "8385:63:63:63:63"): a handler that
// rejected with NaN (`{"t":"plain","v":NaN}`) was answered right (a redacted 500) and NaN reached
// onError, but the oracle compared the reported value with `===`, and NaN !== NaN. It compares
// with Object.is now; CI's random draws could have hit the same value.
import { withErrors } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'
import { checkReports, Problems, type Report } from '../contract'

describe('regression: nan-reported', () => {
  it('takes a NaN reported for a NaN thrown as the value thrown', async () => {
    const reports: Report[] = []
    const handler = withErrors(() => Promise.reject(Number.NaN), {
      onError: (thrown, context) => {
        reports.push({ thrown, context })
      },
    })
    const response = await handler(new Request('http://localhost/'))
    expect(response.status).toBe(500)
    const problems = new Problems()
    checkReports(problems, reports, response.status, Number.NaN, { original: true })
    expect(problems.list).toEqual([])
  })

  it('still tells another value from the one thrown', () => {
    const problems = new Problems()
    const context = { error: undefined, expected: false }
    checkReports(problems, [{ thrown: 0, context }], 500, -0, { original: true })
    expect(problems.list).toContain('onError did not get the thrown value')
  })
})
