import fc from 'fast-check'
import type { Field } from './oracle'
import { anything, isFlaky, secretText, type Val, val } from './values'

// The values a hostile object's fields take, and what tRPC makes of them.

/** A `status` or `statusCode`: valid ones, NaN, 99, 600, '404', 1e21, 404n, objects, anything. */
export const statusVal: fc.Arbitrary<Val> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 400, max: 599 }).map((v): Val => ({ t: 'plain', v })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom<unknown>(
        Number.NaN,
        99,
        600,
        0,
        -1,
        -404,
        404.5,
        1e21,
        Number.POSITIVE_INFINITY,
        2 ** 53,
        399,
        200,
        302,
        '404',
        ' 500',
        '4e2',
        404n,
        true,
        null,
        { valueOf: () => 404 },
      )
      .map((v): Val => ({ t: 'plain', v })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -1000, max: 2000 }).map((v): Val => ({ t: 'plain', v })),
  },
  { weight: 1, arbitrary: val },
)

/** A field of a thrown object: as a value, a getter, a throwing getter or a flaky getter. */
export function fieldOf(value: fc.Arbitrary<Val>): fc.Arbitrary<Field> {
  return fc.record({
    mode: fc.constantFrom<Field['mode']>('value', 'value', 'value', 'getter', 'throws', 'flaky'),
    enumerable: fc.boolean(),
    val: value,
  })
}

/** Mostly a string holding the marker, sometimes any hostile value. */
export const secretVal: fc.Arbitrary<Val> = fc.oneof(
  { weight: 3, arbitrary: secretText.map((s): Val => ({ t: 'secret', s })) },
  { weight: 1, arbitrary: val },
)
/** A `name`: secret, or one that adapters and tRPC treat specially. */
export const nameVal: fc.Arbitrary<Val> = fc.oneof(
  secretVal,
  fc
    .constantFrom('TRPCError', 'HTTPException', 'SyntaxError', 'ApiError', 'AbortError')
    .map((v): Val => ({ t: 'plain', v })),
)
/** A `code`: a real-looking one, or anything. */
export const codeVal: fc.Arbitrary<Val> = fc.oneof(
  fc
    .constantFrom('NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'PARSE_ERROR', 'ECONNREFUSED', 'ERR_X')
    .map((v): Val => ({ t: 'plain', v })),
  val,
)
/** A `headers`: odd names and values, or a hostile value. */
export const headersVal: fc.Arbitrary<Val> = fc.oneof(
  fc
    .dictionary(
      fc.string({ maxLength: 10, unit: 'binary' }).filter((k) => !/retry-after/i.test(k)),
      fc.oneof(fc.string({ maxLength: 20, unit: 'binary' }), anything),
      { maxKeys: 4 },
    )
    .map((v): Val => ({ t: 'plain', v })),
  // a 1 MiB string as headers is 1M numbered headers (seconds of CPU): see the report
  val.filter((v) => v.t !== 'plain' && v.t !== 'huge'),
)

/** The optional fields of a hostile thrown object. */
export const errorFields = fc.record(
  {
    message: fieldOf(secretVal),
    name: fieldOf(nameVal),
    stack: fieldOf(secretVal),
    cause: fieldOf(secretVal),
    status: fieldOf(statusVal),
    statusCode: fieldOf(statusVal),
    code: fieldOf(codeVal),
    headers: fieldOf(headersVal),
    expose: fieldOf(fc.constantFrom<Val>({ t: 'plain', v: 'true' }, { t: 'plain', v: 1 })),
    toString: fieldOf(val),
    toJSON: fieldOf(val),
    // biome-ignore lint/suspicious/noThenProperty: a thrown thenable, on purpose
    then: fieldOf(fc.constant<Val>({ t: 'plain', v: 'not callable' })),
  },
  { requiredKeys: [] },
)

/**
 * An Error named `TRPCError` is a TRPCError to tRPC, which then reads its `code` and `stack`
 * unguarded: a hostile one breaks tRPC's call handling, whose outer catch reports again.
 */
export function forgedTRPCError(fields: Partial<Record<string, Field>>): boolean {
  const { name } = fields
  return name !== undefined && name.val.t === 'plain' && name.val.v === 'TRPCError'
}

/** Whether a field holds a well-formed list of validation issues. */
export function issueList(field: Field): boolean {
  const { val } = field
  return (
    field.mode !== 'throws' &&
    field.mode !== 'flaky' &&
    val.t === 'plain' &&
    Array.isArray(val.v) &&
    val.v.every((issue) => typeof issue === 'object' && issue !== null && 'path' in issue)
  )
}

/** Whether any field (or the value behind one) may read differently each time. */
export function anyFlaky(fields: Partial<Record<string, Field>>): boolean {
  return Object.values(fields).some((field) => field?.mode === 'flaky' || isFlaky(field?.val))
}

/** Whether the fields tRPC reads itself (name, message, stack, code, cause) are plain values. */
export function plainTo(fields: Partial<Record<string, Field>>): boolean {
  return ['name', 'message', 'stack', 'code', 'cause'].every((key) => {
    const field = fields[key]
    if (!field) return true
    if (field.mode !== 'value') return false
    // tRPC tells its own wrapper by `message === cause.message`: only strings compare equal
    const text =
      field.val.t === 'secret' || (field.val.t === 'plain' && typeof field.val.v === 'string')
    return text || (key === 'cause' && field.val.t === 'plain')
  })
}
