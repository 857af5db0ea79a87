// Compiled by `pnpm typecheck` (tsc -p .), never run: each client of the demo narrows a failed
// call to the codes its operation declares in src/errors-per-route.ts.
import { readResult } from '@faultline/fetch'
import { createTRPCClient, httpLink, safe } from '@trpc/client'
import { hc, type InferResponseType } from 'hono/client'
import { expectTypeOf } from 'vitest'
import { declaredErrors } from '../src/errors-per-route'
import type { restApp } from '../src/surfaces/hono'
import type { AppRouter } from '../src/surfaces/trpc'

type GetPostCode = 'VALIDATION_ERROR' | 'POST_NOT_FOUND' | 'SERVER_ERROR'

export async function honoClient() {
  const client = hc<typeof restApp>('http://127.0.0.1:8787')
  type Get = (typeof client.api.v1.posts)[':postId']['$get']
  expectTypeOf<InferResponseType<Get, 404>['code']>().toEqualTypeOf<'POST_NOT_FOUND'>()
  expectTypeOf<InferResponseType<Get, 400>['code']>().toEqualTypeOf<'VALIDATION_ERROR'>()
  type Create = (typeof client.api.v1.posts)['$post']
  expectTypeOf<InferResponseType<Create, 409>['code']>().toEqualTypeOf<'IDEMPOTENCY_KEY_REUSED'>()
  expectTypeOf<InferResponseType<Create, 400>['code']>().toEqualTypeOf<
    'BAD_REQUEST' | 'VALIDATION_ERROR'
  >()
  // @ts-expect-error GET /posts/{postId} answers no 409
  expectTypeOf<InferResponseType<Get, 409>['code']>().toEqualTypeOf<'VOTE_EXISTS'>()
}

export async function fetchClient(response: Response) {
  const result = await readResult(response, { declared: declaredErrors.getPost })
  if (!result.ok) {
    expectTypeOf(result.error.code).toEqualTypeOf<GetPostCode>()
    // @ts-expect-error VOTE_EXISTS is not a code of GET /posts/{postId}
    if (result.error.code === 'VOTE_EXISTS') return
  }
}

export async function trpcClient() {
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: 'http://127.0.0.1:8787/trpc' })],
  })
  const [, error] = await safe(trpc.post.byId.query({ postId: 'nope' }))
  const body = error?.data?.error
  expectTypeOf<NonNullable<typeof body>['code']>().toEqualTypeOf<GetPostCode | 'BAD_REQUEST'>()
  const [, voteError] = await safe(trpc.vote.add.mutate({ postId: 'nope' }))
  expectTypeOf<NonNullable<NonNullable<typeof voteError>['data']>['error']['code']>().toEqualTypeOf<
    | 'UNAUTHORIZED'
    | 'FORBIDDEN'
    | 'TOO_MANY_REQUESTS'
    | 'VALIDATION_ERROR'
    | 'POST_NOT_FOUND'
    | 'VOTE_EXISTS'
    | 'SERVER_ERROR'
    | 'BAD_REQUEST'
  >()
}
