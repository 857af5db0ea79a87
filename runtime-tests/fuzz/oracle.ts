import fc from 'fast-check'
import { catalog } from './catalog'
import { isFlaky, MARKER, materialise, type Val } from './values'

/** What a response to a thrown value must look like, beyond the contract every error meets. */
export interface Expect {
  /** The statuses allowed; any 400–599 when absent. */
  readonly statuses?: readonly number[]
  /** The body's `code`, when it can be told in advance. */
  readonly code?: string
  /** The body's `data` (after a JSON round trip; `undefined`: no `data` member); unchecked when absent. */
  readonly data?: { readonly json: unknown }
  /** `onError` receives the thrown value itself (not a wrapper or replacement). */
  readonly original: boolean
  /** `onError` may run more than once (tRPC breaking on a forged `TRPCError`, see the report). */
  readonly reportedTwice?: boolean
}

/** One thrown value, made fresh for each run, with what each adapter must answer. */
export interface Made {
  readonly thrown: unknown
  /** For the Fetch and Hono adapters. */
  readonly expect: Expect
  /** For tRPC, which wraps non-`Error` throws itself (defaults to {@link Made.expect}). */
  readonly trpc?: Expect
  /** For Hono, when it differs (a proxy whose `instanceof` throws inside Hono's compose). */
  readonly hono?: Expect
  /** Traits that known bugs key on (see `KNOWN_BUGS`). */
  readonly tags?: readonly string[]
}

/** A fuzz case: a printable description and a factory for the hostile value. */
export interface ThrowCase {
  readonly family: string
  readonly make: () => Made
}

export function toCase(family: string, spec: unknown, make: () => Made): ThrowCase {
  const value = { family, make }
  // fast-check prints this instead of walking the (possibly hostile) value
  Object.defineProperty(value, fc.toStringMethod, {
    value: () => `${family} ${fc.stringify(spec)}`,
  })
  return value
}

/** A property as a thrown value may carry it: a plain value, a getter, a throwing or flaky getter. */
export interface Field {
  readonly mode: 'value' | 'getter' | 'throws' | 'flaky'
  readonly enumerable: boolean
  readonly val: Val
}

// V8 formats an error's stack (reading `message`) when `stack` is redefined: define it first
export function stackFirst<T extends object>(fields: T): [string, Field | undefined][] {
  const entries = Object.entries(fields) as [string, Field | undefined][]
  return entries.sort(([a], [b]) => Number(b === 'stack') - Number(a === 'stack'))
}

export function define(target: object, key: PropertyKey, field: Field, plant: boolean): void {
  const value = () => materialise(field.val, plant)
  const thrower = () => {
    throw new Error(`${MARKER} getter ${String(key)}`)
  }
  let reads = 0
  const descriptor: PropertyDescriptor =
    field.mode === 'value'
      ? { value: value(), writable: true }
      : field.mode === 'getter'
        ? { get: value }
        : field.mode === 'throws'
          ? { get: thrower }
          : { get: () => (reads++ === 0 ? value() : thrower()) }
  Object.defineProperty(target, key, {
    ...descriptor,
    enumerable: field.enumerable,
    configurable: true,
  })
}

/** What core's `read(value, key)` gets: the value, `undefined` for a throwing getter, unknown if flaky. */
export function readOf(
  field: Field | undefined,
): { known: false } | { known: true; value: unknown } {
  if (field === undefined || field.mode === 'throws') return { known: true, value: undefined }
  if (field.mode === 'flaky' || isFlaky(field.val)) return { known: false }
  if (field.val.t === 'plain') return { known: true, value: field.val.v }
  if (field.val.t === 'secret') return { known: true, value: field.val.s }
  // every other descriptor builds a non-nullish value that is not an integer
  return { known: true, value: {} }
}

export function isErrorStatus(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599
}

/**
 * The statuses the contract allows for an object with these `status`/`statusCode` fields: the
 * status it carries, else 500. Where `status` is set but invalid and `statusCode` valid, both
 * 500 and the `statusCode` are accepted (the README only says "an HTTP status/statusCode").
 */
export function statusesOf(status?: Field, statusCode?: Field): readonly number[] | undefined {
  const s = readOf(status)
  if (!s.known) return undefined
  if (isErrorStatus(s.value)) return [s.value]
  const c = readOf(statusCode)
  if (!c.known) return s.value == null ? undefined : [500]
  if (!isErrorStatus(c.value)) return [500]
  return s.value == null ? [c.value] : [500, c.value]
}

/** The catalog code for a status, as the README promises (the status's code, else by class). */
export function codeFor(status: number): string {
  return catalog.codeFor(status) ?? (status < 500 ? 'BAD_REQUEST' : 'SERVER_ERROR')
}

export function expectFor(statuses: readonly number[] | undefined, original = true): Expect {
  const only = statuses?.length === 1 ? statuses[0] : undefined
  return { statuses, code: only === undefined ? undefined : codeFor(only), original }
}

/** The `data` member a body must carry: a JSON round trip, absent when it cannot be serialised. */
export function dataOf(data: unknown): { json: unknown } {
  try {
    return { json: (JSON.parse(JSON.stringify({ d: data })) as { d?: unknown }).d }
  } catch {
    return { json: undefined }
  }
}

// Near the engine's recursion limit JSON.stringify may pass here and fail deeper in a stack.
export function predictable(data: Val): boolean {
  return !isFlaky(data) && !(data.t === 'deep' && data.depth > 500)
}
