import { API_ERROR } from '@faultline/core/adapter'
import fc from 'fast-check'
import { catalog, codes } from '../catalog'
import { anyFlaky, fieldOf, headersVal, issueList, plainTo, secretVal, statusVal } from '../fields'
import {
  codeFor,
  define,
  type Expect,
  type Field,
  isErrorStatus,
  readOf,
  stackFirst,
  toCase,
} from '../oracle'
import { anything, MARKER, materialise, type Val, val } from '../values'

const issue = fc.record({
  code: fc.string({ maxLength: 8 }),
  message: fc.string({ maxLength: 20 }),
  path: fc.string({ maxLength: 8 }),
})
const issuesVal: fc.Arbitrary<Val> = fc.oneof(
  fc.array(issue, { maxLength: 3 }).map((v): Val => ({ t: 'plain', v })),
  fc.array(anything, { maxLength: 3 }).map((v): Val => ({ t: 'plain', v })),
  val,
)

type Brand = 'own' | 'getter' | 'prototype' | 'throws' | 'truthy'

/** Objects with the Faultline brand, as another copy of the package makes them, with hostile fields. */
export const otherCopy = fc
  .record({
    base: fc.constantFrom<'error' | 'plain' | 'nullProto' | 'class'>(
      'error',
      'plain',
      'nullProto',
      'class',
    ),
    brand: fc.constantFrom<Brand>('own', 'own', 'getter', 'prototype', 'throws', 'truthy'),
    code: fc.oneof(
      fc
        .constantFrom(...codes.map((c) => c.code), 'NOT_IN_CATALOG', '')
        .map((v): Val => ({ t: 'plain', v })),
      val,
    ),
    status: statusVal,
    fields: fc.record(
      {
        message: fieldOf(secretVal),
        defaultMessage: fieldOf(
          fc.oneof(
            fc.constant<Val>({ t: 'plain', v: 'Public default' }),
            val.filter((v) => v.t !== 'secret' && v.t !== 'huge'),
          ),
        ),
        name: fieldOf(secretVal),
        stack: fieldOf(secretVal),
        cause: fieldOf(secretVal),
        data: fieldOf(val),
        errors: fieldOf(issuesVal),
        headers: fieldOf(headersVal),
        retryAfter: fieldOf(val),
        expose: fieldOf(
          fc.constantFrom<Val>(
            { t: 'plain', v: 'true' },
            { t: 'plain', v: 1 },
            { t: 'plain', v: false },
          ),
        ),
        requestId: fieldOf(val),
        docUrl: fieldOf(val),
      },
      { requiredKeys: [] },
    ),
  })
  .map((spec) =>
    toCase('other-copy', spec, () => {
      const thrown = otherBase(spec.base, spec.brand)
      define(thrown, 'code', { mode: 'value', enumerable: true, val: spec.code }, false)
      define(thrown, 'status', { mode: 'value', enumerable: true, val: spec.status }, false)
      for (const [key, field] of stackFirst(spec.fields)) {
        if (!field) continue
        // only message, name, stack and cause carry the secret; the rest is public by design
        const plant = key === 'message' || key === 'name' || key === 'stack' || key === 'cause'
        define(thrown, key, field, plant)
      }
      const branded = spec.brand !== 'throws' && spec.brand !== 'truthy'
      const status = spec.status.t === 'plain' ? spec.status.v : undefined
      const textual = spec.code.t === 'plain' || spec.code.t === 'secret' || spec.code.t === 'huge'
      const code = textual ? materialise(spec.code, false) : undefined
      const valid = isErrorStatus(status)
      const statuses = valid && (!branded || typeof code === 'string') ? [status] : [500]
      const own = valid && branded && typeof code === 'string'
      const expect: Expect = {
        statuses,
        code: own ? (code as string) : codeFor(statuses[0] as number),
        original: true,
      }
      // without a default message of its own or in the catalog, a 5xx shows its own message
      const defaultMessage = readOf(spec.fields.defaultMessage)
      const noDefault =
        !(defaultMessage.known && typeof defaultMessage.value === 'string') &&
        !(typeof code === 'string' && catalog.has(code))
      // tRPC copies a non-Error's enumerable fields only: a hidden defaultMessage is lost
      const noDefaultInTRPC =
        spec.base !== 'error' &&
        !(typeof code === 'string' && catalog.has(code)) &&
        !(
          spec.fields.defaultMessage?.enumerable &&
          defaultMessage.known &&
          typeof defaultMessage.value === 'string'
        )
      // `retryAfter instanceof Date` and `Array.isArray(errors)` throw on these
      const throwsOnCheck = (field: Field | undefined, kinds: readonly Val['t'][]) =>
        field !== undefined && field.mode !== 'throws' && kinds.includes(field.val.t)
      const hostileCheck =
        throwsOnCheck(spec.fields.retryAfter, ['proxy', 'revoked', 'flaky']) ||
        throwsOnCheck(spec.fields.errors, ['revoked', 'flaky'])
      return {
        thrown,
        expect,
        // tRPC copies the own enumerable fields of a non-Error into its own wrapper, and reads
        // name, message and stack without a guard
        trpc: spec.base === 'error' && plainTo(spec.fields) ? expect : { original: false },
        tags: [
          ...(spec.base === 'error' && plainTo(spec.fields) ? [] : ['trpc-fragile']),
          ...(hostileCheck ? ['other-copy-hostile-check'] : []),
          ...(noDefault ? ['other-copy-no-default'] : []),
          ...(anyFlaky(spec.fields) ? ['flaky'] : []),
          ...(noDefaultInTRPC ? ['trpc-no-default'] : []),
          ...(spec.fields.errors && !issueList(spec.fields.errors) ? ['odd-errors'] : []),
        ],
      }
    }),
  )

function otherBase(base: 'error' | 'plain' | 'nullProto' | 'class', brand: Brand): object {
  const value: object =
    base === 'error'
      ? new (brand === 'prototype' ? BrandedError : Error)()
      : base === 'class'
        ? new (brand === 'prototype' ? BrandedThing : Object)()
        : base === 'nullProto'
          ? Object.create(null)
          : {}
  if (brand === 'own') Object.defineProperty(value, API_ERROR, { value: true, enumerable: true })
  if (brand === 'getter')
    Object.defineProperty(value, API_ERROR, { get: () => true, enumerable: true })
  if (brand === 'prototype' && (base === 'plain' || base === 'nullProto'))
    Object.defineProperty(value, API_ERROR, { value: true })
  if (brand === 'throws')
    Object.defineProperty(value, API_ERROR, {
      get: () => {
        throw new Error(MARKER)
      },
    })
  if (brand === 'truthy') Object.defineProperty(value, API_ERROR, { value: 1, enumerable: true })
  return value
}

// the brand the way a real copy carries it: a getter on the class
class BrandedError extends Error {
  get [API_ERROR](): true {
    return true
  }
}
class BrandedThing {
  get [API_ERROR](): true {
    return true
  }
}
