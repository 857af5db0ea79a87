import fc from 'fast-check'
import { anyFlaky, errorFields, forgedTRPCError, plainTo, secretVal } from '../fields'
import { define, expectFor, stackFirst, statusesOf, toCase } from '../oracle'
import { anything, isFlaky, isProxy, MARKER, materialise, type Val } from '../values'

type Base = 'Error' | 'TypeError' | 'custom' | 'vm' | 'plain' | 'nullProto' | 'function' | 'array'

class AppError extends Error {}

function baseOf(base: Base): object {
  switch (base) {
    case 'Error':
      return new Error()
    case 'TypeError':
      return new TypeError()
    case 'custom':
      return new AppError()
    case 'vm':
      return materialise({ t: 'error', ctor: 'vm', s: MARKER }) as object
    case 'nullProto':
      return Object.create(null) as object
    case 'function':
      return () => undefined
    case 'array':
      return []
    default:
      return {}
  }
}

const sameRealmError = (base: Base) => base === 'Error' || base === 'TypeError' || base === 'custom'

/** Errors and objects with hostile `message`, `name`, `stack`, `cause`, `status`, `code`, … */
export const hostileObject = fc
  .record({
    base: fc.constantFrom<Base>(
      'Error',
      'Error',
      'TypeError',
      'custom',
      'vm',
      'plain',
      'plain',
      'nullProto',
      'function',
      'array',
    ),
    fields: errorFields,
  })
  .map((spec) =>
    toCase('hostile-object', spec, () => {
      const thrown = baseOf(spec.base)
      for (const [key, field] of stackFirst(spec.fields)) {
        const name = key === 'toString' || key === 'toJSON' || key === 'then' ? key : key
        if (key === 'then' && field) {
          // a thenable that never settles: whoever awaits a thrown value hangs
          Object.defineProperty(thrown, 'then', {
            value: () => undefined,
            enumerable: field.enumerable,
          })
        } else if (field) define(thrown, name, field, true)
      }
      const expect = expectFor(statusesOf(spec.fields.status, spec.fields.statusCode))
      // tRPC reads name, message and stack itself and copies the own fields of non-errors
      const plainFields = plainTo(spec.fields)
      const trpcStrict =
        sameRealmError(spec.base) &&
        plainFields &&
        (spec.fields.name === undefined ||
          (spec.fields.name.val.t === 'plain' && spec.fields.name.val.v !== 'TRPCError') ||
          spec.fields.name.val.t === 'secret')
      return {
        thrown,
        expect,
        trpc: trpcStrict
          ? expect
          : { original: false, reportedTwice: forgedTRPCError(spec.fields) },
        // tRPC reads name, stack and message of a thrown Error itself, without a guard
        tags: [
          ...(anyFlaky(spec.fields) ? ['flaky'] : []),
          ...(trpcStrict ? [] : ['trpc-fragile']),
        ],
      }
    }),
  )

/** Thrown primitives and plain values: strings with the secret, symbols, bigints, 1 MiB strings, anything. */
export const primitive = fc
  .oneof(
    secretVal,
    anything.map((v): Val => ({ t: 'plain', v })),
  )
  .map((v) =>
    toCase('value', v, () => {
      const thrown = materialise(v, true)
      // fast-check's objects carry random keys: only the range is checked for them
      const known = v.t !== 'plain' || v.v === null || typeof v.v !== 'object'
      const expect = isFlaky(v) || !known ? { original: true } : expectFor([500])
      return {
        thrown,
        expect,
        // tRPC wraps what is not an Error; Hono's `instanceof Error` may throw on a proxy
        trpc: { statuses: expect.statuses, original: false },
        hono: isProxy(v) ? { original: false } : undefined,
        tags: [...(isFlaky(v) ? ['flaky'] : []), 'trpc-fragile'],
      }
    }),
  )
