import fc from 'fast-check'
import { catalogError, directError } from './families/catalog-errors'
import { httpException, trpcError } from './families/frameworks'
import { hostileObject, primitive } from './families/objects'
import { otherCopy } from './families/other-copy'
import { huge, proxy } from './families/proxies'
import type { ThrowCase } from './oracle'

export type { Expect, Made, ThrowCase } from './oracle'

/** Every family of thrown value, weighted towards the richest generators. */
export const thrownCase: fc.Arbitrary<ThrowCase> = fc.oneof(
  { weight: 5, arbitrary: hostileObject },
  { weight: 3, arbitrary: primitive },
  { weight: 3, arbitrary: catalogError },
  { weight: 3, arbitrary: otherCopy },
  { weight: 1, arbitrary: trpcError },
  { weight: 2, arbitrary: httpException },
  { weight: 2, arbitrary: proxy },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: directError },
)
