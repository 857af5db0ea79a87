import { authenticate, type Principal, requireWrite } from './auth'
import { demoFail } from './demo'
import { createPost, getPost, listPosts } from './posts'
import { consumeWrite, parseWriteLimit } from './rate-limit'
import type { CreatePostInput, WebhookInput } from './schemas'
import { addVote, removeVote } from './votes'
import { testWebhook } from './webhooks'

/** The bindings the service reads. */
export type ServiceEnv = Pick<Env, 'DB' | 'WRITE_RATE_LIMIT_PER_MINUTE'>

/**
 * The feedback API in one object, shared by the three surfaces: they parse the request, the
 * service decides, and its errors are the catalog's. Writes take the caller's {@link Principal}
 * (from {@link FeedbackService.authorizeWrite}) and count against its rate limit once their
 * input is known to be valid.
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
  const counted = (principal: Principal) => consumeWrite(db, principal, writeLimit)

  return {
    /** The key of the `Authorization` header, if it may write: else 401 or 403. */
    async authorizeWrite(authorization: string | null): Promise<Principal> {
      const principal = await authenticate(db, authorization)
      requireWrite(principal)
      return principal
    },
    listPosts: () => listPosts(db),
    getPost: (postId: string) => getPost(db, postId),
    async createPost(principal: Principal, input: CreatePostInput, idempotencyKey?: string) {
      await counted(principal)
      return createPost(db, principal, input, idempotencyKey)
    },
    async addVote(principal: Principal, postId: string) {
      await counted(principal)
      return addVote(db, principal, postId)
    },
    async removeVote(principal: Principal, postId: string) {
      await counted(principal)
      return removeVote(db, principal, postId)
    },
    async testWebhook(principal: Principal, input: WebhookInput) {
      await counted(principal)
      return testWebhook(input)
    },
    demoFail,
  }
}

/** The service the surfaces call. */
export type FeedbackService = ReturnType<typeof createService>
