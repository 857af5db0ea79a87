import { runInNewContext } from 'node:vm'
import fc from 'fast-check'

/** Planted in every message, name, stack and cause the fuzzer makes: no 5xx may show it. */
export const MARKER = 'FUZZ-S3CRET-7f3a91c2'

/** Stands in for the marker in values that are public by design (typed `data`, headers). */
export const PUBLIC = 'public-value'

/** A 1 MiB string that ends with the marker. */
export const HUGE = `${'x'.repeat(1024 * 1024)}${MARKER}`
const HUGE_PUBLIC = `${'x'.repeat(1024 * 1024)}${PUBLIC}`

/**
 * A value described as plain data, so that fast-check can print and shrink it; `materialise`
 * builds the (often hostile) value afresh for every run, so no state leaks between runs.
 */
export type Val =
  | { readonly t: 'plain'; readonly v: unknown }
  | { readonly t: 'secret'; readonly s: string }
  | { readonly t: 'huge' }
  | { readonly t: 'symbol'; readonly s: string }
  | { readonly t: 'coerce'; readonly which: Coercion; readonly s: string }
  | { readonly t: 'proxy'; readonly target: Target }
  | { readonly t: 'revoked'; readonly target: Target }
  | { readonly t: 'flaky'; readonly after: number; readonly target: Target }
  | { readonly t: 'cyclic'; readonly s: string }
  | { readonly t: 'deep'; readonly depth: number }
  | { readonly t: 'getters'; readonly s: string }
  | { readonly t: 'error'; readonly ctor: ErrorKind; readonly s: string }

export type Coercion = 'toString' | 'valueOf' | 'toPrimitive' | 'toJSON' | 'all'
export type Target = 'object' | 'error' | 'function' | 'array'
export type ErrorKind =
  | 'Error'
  | 'TypeError'
  | 'RangeError'
  | 'SyntaxError'
  | 'AggregateError'
  | 'custom'
  | 'vm'

class CustomError extends Error {
  override name = 'CustomError'
}

function fail(why: string): never {
  throw new Error(`${MARKER} ${why}`)
}

/** A proxy whose every trap throws (its handler is itself a proxy handing out throwers). */
function throwingProxy(target: Target, secret: string): object {
  const handler = new Proxy(
    {},
    {
      get: (_, trap) => () => fail(`trap ${String(trap)}`),
    },
  )
  return new Proxy(targetOf(target, secret), handler)
}

/** A proxy that behaves for its first `after` traps, then throws on every one. */
function flakyProxy(target: Target, after: number, secret: string): object {
  let left = after
  const handler = new Proxy(
    {},
    {
      get:
        (_, trap) =>
        (...args: unknown[]) => {
          if (left-- <= 0) fail(`flaky trap ${String(trap)}`)
          return (Reflect as unknown as Record<string, (...a: unknown[]) => unknown>)[
            trap as string
          ]?.(...args)
        },
    },
  )
  return new Proxy(targetOf(target, secret), handler)
}

function targetOf(target: Target, secret: string): object {
  switch (target) {
    case 'error':
      return Object.assign(new Error(secret), { status: 404, statusCode: 503 })
    case 'function':
      return Object.assign(() => secret, { message: secret, status: 404 })
    case 'array':
      return Object.assign([secret], { status: 404 })
    default:
      return { message: secret, status: 404, stack: secret, cause: secret }
  }
}

function coercing(which: Coercion, secret: string): object {
  const thrower = () => fail(secret)
  const value: Record<PropertyKey, unknown> = { message: secret }
  if (which === 'toString' || which === 'all') value.toString = thrower
  if (which === 'valueOf' || which === 'all') value.valueOf = thrower
  if (which === 'toPrimitive' || which === 'all') value[Symbol.toPrimitive] = thrower
  if (which === 'toJSON' || which === 'all') value.toJSON = thrower
  return value
}

function makeError(kind: ErrorKind, secret: string): unknown {
  switch (kind) {
    case 'TypeError':
      return new TypeError(secret, { cause: secret })
    case 'RangeError':
      return new RangeError(secret)
    case 'SyntaxError':
      return new SyntaxError(secret)
    case 'AggregateError':
      return new AggregateError([new Error(secret), secret], secret)
    case 'custom':
      return new CustomError(secret, { cause: new Error(secret) })
    case 'vm':
      // an error from another realm: not `instanceof Error` here
      return runInNewContext('new Error(m)', { m: secret })
    default:
      return new Error(secret, { cause: { message: secret } })
  }
}

/**
 * Builds the value a descriptor stands for, fresh every time. With `plant` off, the marker is
 * replaced by {@link PUBLIC}: for values a client may legitimately see, such as typed `data`.
 */
export function materialise(val: Val, plant = true): unknown {
  const secret = plant ? MARKER : PUBLIC
  const text = (s: string) => (plant ? s : s.replaceAll(MARKER, PUBLIC))
  switch (val.t) {
    case 'plain':
      return val.v
    case 'secret':
      return text(val.s)
    case 'huge':
      return plant ? HUGE : HUGE_PUBLIC
    case 'symbol':
      return Symbol(text(val.s))
    case 'coerce':
      return coercing(val.which, text(val.s))
    case 'proxy':
      return throwingProxy(val.target, secret)
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(targetOf(val.target, secret), {})
      revoke()
      return proxy
    }
    case 'flaky':
      return flakyProxy(val.target, val.after, secret)
    case 'cyclic': {
      const value: Record<string, unknown> = { message: text(val.s), stack: text(val.s) }
      value.self = value
      value.cause = value
      value.list = [value, { back: value }]
      return value
    }
    case 'deep': {
      let value: unknown = secret
      for (let i = 0; i < val.depth; i++) value = i % 2 ? [value] : { d: value }
      return value
    }
    case 'getters': {
      const value = { visible: 1 }
      for (const key of ['message', 'name', 'stack', 'cause', 'status', 'code', 'toJSON']) {
        Object.defineProperty(value, key, { enumerable: true, get: () => fail(text(val.s)) })
      }
      return value
    }
    case 'error':
      return makeError(val.ctor, text(val.s))
  }
}

/** Whether the value a descriptor builds can act differently on each read. */
export function isFlaky(val: Val | undefined): boolean {
  return val?.t === 'flaky'
}

/** Whether the value a descriptor builds is a proxy (whose identity Hono may replace). */
export function isProxy(val: Val | undefined): boolean {
  return val?.t === 'proxy' || val?.t === 'revoked' || val?.t === 'flaky'
}

const graphemes = fc.string({ maxLength: 12, unit: 'grapheme' })
const bytes = fc.string({ maxLength: 12, unit: 'binary' })

/** A string with the marker in it, sometimes with control characters or lone surrogates. */
export const secretText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(graphemes, graphemes).map(([a, b]) => `${a}${MARKER}${b}`) },
  { weight: 2, arbitrary: fc.tuple(bytes, bytes).map(([a, b]) => `${a}${MARKER}${b}`) },
  { weight: 1, arbitrary: fc.constant(`line\r\nset-cookie: a=${MARKER}\u0000\ud800`) },
)

/** fast-check's own "anything", with every option that adds odd shapes. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
})

const target = fc.constantFrom<Target>('object', 'error', 'function', 'array')

/** Any hostile value: primitives, secrets, coercion traps, proxies, cycles, deep nesting. */
export const val: fc.Arbitrary<Val> = fc.oneof(
  { weight: 5, arbitrary: anything.map((v): Val => ({ t: 'plain', v })) },
  { weight: 4, arbitrary: secretText.map((s): Val => ({ t: 'secret', s })) },
  { weight: 1, arbitrary: fc.constant<Val>({ t: 'huge' }) },
  { weight: 1, arbitrary: secretText.map((s): Val => ({ t: 'symbol', s })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom<Coercion>('toString', 'valueOf', 'toPrimitive', 'toJSON', 'all'),
        secretText,
      )
      .map(([which, s]): Val => ({ t: 'coerce', which, s })),
  },
  { weight: 2, arbitrary: target.map((t): Val => ({ t: 'proxy', target: t })) },
  { weight: 1, arbitrary: target.map((t): Val => ({ t: 'revoked', target: t })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(12), target)
      .map(([after, t]): Val => ({ t: 'flaky', after, target: t })),
  },
  { weight: 2, arbitrary: secretText.map((s): Val => ({ t: 'cyclic', s })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1000, max: 6000 }))
      .map((depth): Val => ({ t: 'deep', depth })),
  },
  { weight: 2, arbitrary: secretText.map((s): Val => ({ t: 'getters', s })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom<ErrorKind>(
          'Error',
          'TypeError',
          'RangeError',
          'SyntaxError',
          'AggregateError',
          'custom',
          'vm',
        ),
        secretText,
      )
      .map(([ctor, s]): Val => ({ t: 'error', ctor, s })),
  },
)
