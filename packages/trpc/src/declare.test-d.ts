import { errors } from '@faultline/test-catalog'
import { createTRPCClient, httpLink, safe } from '@trpc/client'
import { initTRPC } from '@trpc/server'
import { describe, expectTypeOf, it } from 'vitest'
import { createTRPCErrors } from './setup'

const trpcErrors = createTRPCErrors({ catalog: errors, common: ['UNAUTHORIZED', 'SERVER_ERROR'] })
const t = initTRPC.create({ errorFormatter: trpcErrors.errorFormatter })
const router = t.router({
  get: t.procedure.errors(trpcErrors.declare('POST_NOT_FOUND')).query(() => 'post'),
  vote: t.procedure.errors(trpcErrors.declare('POST_NOT_FOUND', 'VOTE_EXISTS')).mutation(() => 1),
  list: t.procedure.query(() => []),
})
const client = createTRPCClient<typeof router>({ links: [httpLink({ url: '/trpc' })] })

describe('errors declared per procedure, on a real @trpc/client', () => {
  it("narrows a procedure's error to its declared and common codes", async () => {
    const [, error] = await safe(client.get.query())
    const body = error?.data?.error
    expectTypeOf(body?.code).toEqualTypeOf<
      'POST_NOT_FOUND' | 'UNAUTHORIZED' | 'SERVER_ERROR' | undefined
    >()
    // typed data is required where declared
    if (body?.code === 'POST_NOT_FOUND') expectTypeOf(body.data).toEqualTypeOf<{ postId: string }>()
    // @ts-expect-error VOTE_EXISTS is not declared by post.get
    if (body?.code === 'VOTE_EXISTS') return
  })

  it('gives each procedure its own codes', async () => {
    const [, voteError] = await safe(client.vote.mutate())
    expectTypeOf(voteError?.data?.error.code).toEqualTypeOf<
      'POST_NOT_FOUND' | 'VOTE_EXISTS' | 'UNAUTHORIZED' | 'SERVER_ERROR' | undefined
    >()
    const [, listError] = await safe(client.list.query())
    expectTypeOf(listError?.data?.error.code).toEqualTypeOf<
      'UNAUTHORIZED' | 'SERVER_ERROR' | undefined
    >()
  })

  it('types every procedure with the whole catalog without common', () => {
    const whole = createTRPCErrors({ catalog: errors })
    const root = initTRPC.create({ errorFormatter: whole.errorFormatter })
    expectTypeOf(root._config.$types.errorShape.data.error.code).toEqualTypeOf<
      keyof typeof errors.definitions
    >()
  })
})
