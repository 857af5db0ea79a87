import type { ApiError, ApiErrorOf, DefaultCatalog, ErrorReporter } from '@faultline/core'
import type { TRPCClientError } from '@trpc/client'
import { initTRPC } from '@trpc/server'
import { describe, expectTypeOf, it } from 'vitest'
import { type AppRouter, errors } from '../test/app'
import { fromTRPCClientError } from './client'
import type { FaultlineErrorShape } from './formatter'
import type { TRPCErrorReporter } from './report'
import { createTRPCErrors } from './setup'

describe('fromTRPCClientError', () => {
  it('narrows the catalog error on code, and data follows', () => {
    const error = fromTRPCClientError(null as unknown, { catalog: errors })
    expectTypeOf(error.code).toEqualTypeOf<keyof typeof errors.definitions>()
    if (error.code === 'POST_NOT_FOUND') {
      expectTypeOf(error.data).toEqualTypeOf<{ postId: string }>()
    }
    if (error.code === 'VOTE_EXISTS') {
      expectTypeOf(error.data).toEqualTypeOf<undefined>()
    }
    // @ts-expect-error: not a code of the catalog
    if (error.code === 'POST_NOT_FUOND') return
  })

  it('gives the default catalog without a catalog', () => {
    const error = fromTRPCClientError(null as unknown)
    expectTypeOf(error).toExtend<ApiError>()
    expectTypeOf(error.code).toEqualTypeOf<
      | 'BAD_REQUEST'
      | 'VALIDATION_ERROR'
      | 'UNAUTHORIZED'
      | 'REQUEST_FAILED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'METHOD_NOT_ALLOWED'
      | 'CONFLICT'
      | 'PAYLOAD_TOO_LARGE'
      | 'UNSUPPORTED_MEDIA_TYPE'
      | 'UNPROCESSABLE_CONTENT'
      | 'TOO_MANY_REQUESTS'
      | 'SERVER_ERROR'
      | 'BAD_GATEWAY'
      | 'SERVICE_UNAVAILABLE'
      | 'GATEWAY_TIMEOUT'
    >()
  })
})

describe('the router error shape', () => {
  it('types data.error of a TRPCClientError by the catalog', () => {
    type Data = NonNullable<TRPCClientError<AppRouter>['data']>
    expectTypeOf<Data>().toEqualTypeOf<FaultlineErrorShape<typeof errors>['data']>()
    const data = null as unknown as Data
    expectTypeOf(data.httpStatus).toEqualTypeOf<number>()
    if (data.error.code === 'POST_NOT_FOUND') {
      // always sent for a code that declares it
      expectTypeOf(data.error.data).toEqualTypeOf<{ postId: string }>()
    }
    // @ts-expect-error: the formatter never sends a stack
    data.stack
  })
})

describe('createTRPCErrors', () => {
  it("takes core's ErrorReporter as its hook", () => {
    const coreReporter: ErrorReporter = () => {}
    expectTypeOf(coreReporter).toExtend<TRPCErrorReporter>()
    createTRPCErrors({ onError: coreReporter })
  })

  it('gives initTRPC the Faultline shape when written inline, with or without format', () => {
    const t = initTRPC.context<{ user: string }>().create({
      errorFormatter: createTRPCErrors({ catalog: errors }).errorFormatter,
    })
    expectTypeOf(t._config.$types.errorShape).toEqualTypeOf<FaultlineErrorShape<typeof errors>>()
    const extended = initTRPC.create({
      errorFormatter: createTRPCErrors({
        format: ({ shape }) => ({ ...shape, data: { ...shape.data, retryable: false } }),
      }).errorFormatter,
    })
    expectTypeOf(extended._config.$types.errorShape.data.retryable).toEqualTypeOf<boolean>()
    expectTypeOf(extended._config.$types.errorShape.data.error.code).toEqualTypeOf<
      ApiErrorOf<DefaultCatalog>['code']
    >()
  })
})
