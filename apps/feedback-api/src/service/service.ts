import { authenticate, type Principal, requireWrite } from './auth'
import { demoFail } from './demo'
import { createPost, getPost, listPosts } from './posts'
import { limitWrite, parseWriteLimit } from './rate-limit'
import type { CreatePostInput, ListPostsInput, WebhookInput } from './schemas'
import { addVote, removeVote } from './votes'
import { testWebhook } from './webhooks'

/** The bindings the service reads. */
export type ServiceEnv = Pick<Env, 'DB' | 'WRITE_LIMITER' | 'WRITE_RATE_LIMIT_PER_MINUTE'>

/**
 * The feedback API in one object, shared by the three surfaces: they parse the request, the
 * service decides, and its errors are the catalog's. Writes take the caller's {@link Principal}
 * (from {@link FeedbackService.authorizeWrite}) and count against its rate limit once their
 * input is known to be valid; a write the service refuses or D1 fails is given back.
 *
 * @example
 * ```ts
 * const service = createService(env)
 * const principal = await service.authorizeWrite(request.headers.get('authorization'))
 * const { post } = await service.createPost(principal, { title: 'Dark mode' })
 * ```
 */
export function createService(env: ServiceEnv) {
  const db = env.DB
  const writeLimit = parseWriteLimit(env.WRITE_RATE_LIMIT_PER_MINUTE)
  const counted = <T>(principal: Principal, write: () => Promise<T>) =>
    limitWrite(env.WRITE_LIMITER, principal, writeLimit, write)

  return {
    /** The key of the `Authorization` header, if it may write: else 401 or 403. */
    async authorizeWrite(authorization: string | null): Promise<Principal> {
      const principal = await authenticate(db, authorization)
      requireWrite(principal)
      return principal
    },
    listPosts: (page?: ListPostsInput) => listPosts(db, page),
    getPost: (postId: string) => getPost(db, postId),
    createPost: (principal: Principal, input: CreatePostInput, idempotencyKey?: string) =>
      counted(principal, () => createPost(db, principal, input, idempotencyKey)),
    addVote: (principal: Principal, postId: string) =>
      counted(principal, () => addVote(db, principal, postId)),
    removeVote: (principal: Principal, postId: string) =>
      counted(principal, () => removeVote(db, principal, postId)),
    async testWebhook(principal: Principal, input: WebhookInput) {
      // The delivery was attempted whatever its outcome, so a failed one keeps its unit: the
      // limit also bounds the outbound requests a key can cause.
      const outcome = await counted(principal, () =>
        testWebhook(input).then(
          (delivery) => ({ delivery }),
          (error: unknown) => ({ error }),
        ),
      )
      if ('error' in outcome) throw outcome.error
      return outcome.delivery
    },
    demoFail,
  }
}

/** The service the surfaces call. */
export type FeedbackService = ReturnType<typeof createService>
