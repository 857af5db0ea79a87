import fc from 'fast-check'
import { expectFor, toCase } from '../oracle'
import { isFlaky, MARKER, materialise, type Val } from '../values'

/** Proxies that throw on every trap, revoked proxies and proxies that turn hostile mid-way. */
export const proxy = fc
  .oneof(
    fc.constantFrom<Val>(
      { t: 'proxy', target: 'object' },
      { t: 'proxy', target: 'error' },
      { t: 'proxy', target: 'function' },
      { t: 'revoked', target: 'object' },
      { t: 'revoked', target: 'error' },
    ),
    fc
      .tuple(
        fc.nat(20),
        fc.constantFrom<'object' | 'error' | 'function' | 'array'>(
          'object',
          'error',
          'function',
          'array',
        ),
      )
      .map(([after, target]): Val => ({ t: 'flaky', after, target })),
  )
  .map((v) =>
    toCase('proxy', v, () => ({
      thrown: materialise(v, true),
      expect: { statuses: isFlaky(v) ? undefined : [500], original: true },
      trpc: { original: false },
      hono: { statuses: isFlaky(v) ? undefined : [500], original: false },
      tags: [...(isFlaky(v) ? ['flaky'] : []), 'trpc-fragile'],
    })),
  )

/** 1 MiB messages, names, stacks and thrown strings. */
export const huge = fc
  .record({
    where: fc.constantFrom('message', 'name', 'stack', 'thrown', 'cause'),
    status: fc.constantFrom(undefined, 400, 404, 500, 503),
  })
  .map((spec) =>
    toCase('huge', spec, () => {
      const fields: Record<string, unknown> = { [spec.where]: materialise({ t: 'huge' }, true) }
      if (spec.status !== undefined) fields.status = spec.status
      const thrown =
        spec.where === 'thrown'
          ? materialise({ t: 'huge' }, true)
          : Object.assign(new Error(MARKER), fields)
      const status = spec.where === 'thrown' ? 500 : (spec.status ?? 500)
      return { thrown, expect: expectFor([status]) }
    }),
  )
