import { errors } from '@faultline/test-catalog'
import { describe, expectTypeOf, it } from 'vitest'
import { logErrors } from './log'
import type { ErrorReporter } from './response'

describe('logErrors types', () => {
  it('is a reporting hook', () => {
    expectTypeOf(logErrors()).toEqualTypeOf<ErrorReporter>()
  })

  it("types the codes of levels by the catalog's", () => {
    logErrors({ catalog: errors, levels: { REQUEST_FAILED: 'warn', VOTE_EXISTS: 'off' } })
    // @ts-expect-error a misspelt code does not compile
    logErrors({ catalog: errors, levels: { REQUEST_FAILD: 'warn' } })
    // @ts-expect-error a level is error, warn or off
    logErrors({ catalog: errors, levels: { REQUEST_FAILED: 'info' } })
    // without a catalog, any code
    logErrors({ levels: { ANYTHING: 'warn' } })
  })
})
