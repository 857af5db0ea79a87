import { ApiError, type Catalog } from '@faultline/core'
import fc from 'fast-check'
import { catalog, codes, foreign } from '../catalog'
import { dataOf, type Expect, predictable, toCase } from '../oracle'
import { materialise, secretText, val } from '../values'

/** Catalog errors with arbitrary typed data (BigInt, cycles, proxies, 1 MiB), secret messages and causes. */
export const catalogError = fc
  .record(
    {
      which: fc.constantFrom(...codes),
      foreign: fc.boolean(),
      message: secretText,
      cause: val,
      data: val,
      retryAfter: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.constantFrom(1e21, 1e300, -5, 0.2, Number.MAX_SAFE_INTEGER),
        fc.date({ noInvalidDate: false }),
      ),
      requestId: fc.string({ maxLength: 10, unit: 'binary' }),
      headers: fc.dictionary(
        fc.string({ maxLength: 10, unit: 'binary' }).filter((k) => !/retry-after/i.test(k)),
        fc.string({ maxLength: 20, unit: 'binary' }),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: ['which', 'foreign'] },
  )
  .map((spec) =>
    toCase('catalog-error', spec, () => {
      const data = spec.data === undefined ? undefined : materialise(spec.data, false)
      const source: Catalog = spec.foreign ? foreign : catalog
      const code = spec.foreign
        ? spec.which.status < 500
          ? 'LEGACY_GONE'
          : 'LEGACY_BROKEN'
        : spec.which.code
      const error = source.create(
        code as never,
        {
          message: spec.message,
          cause: spec.cause === undefined ? undefined : materialise(spec.cause, true),
          data,
          retryAfter: spec.retryAfter,
          requestId: spec.requestId,
          headers: spec.headers,
        } as never,
      )
      const expect: Expect = {
        statuses: [error.status],
        code,
        data: spec.data === undefined || predictable(spec.data) ? dataOf(data) : undefined,
        original: true,
      }
      // data that serialises once may fail the next time (a flaky proxy, nesting near the limit)
      return {
        thrown: error,
        expect,
        tags: predictable(spec.data ?? { t: 'huge' }) ? [] : ['flaky'],
      }
    }),
  )

/** `new ApiError(...)` made by hand, as its JSDoc shows, with and without a default message. */
export const directError = fc
  .record({
    code: fc.oneof(fc.constantFrom(...codes.map((c) => c.code)), fc.string({ maxLength: 12 })),
    status: fc.integer({ min: 400, max: 599 }),
    message: secretText,
    defaultMessage: fc.option(fc.constantFrom('Public message', ''), { nil: undefined }),
  })
  .map((spec) =>
    toCase('direct-api-error', spec, () => ({
      thrown: new ApiError(spec),
      expect: { statuses: [spec.status], code: spec.code, original: true },
      tags: spec.defaultMessage ? [] : ['no-default'],
    })),
  )
