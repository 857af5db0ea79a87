import { type CodeOf, type DeclaredErrors, declareErrors } from '@faultline/core'
import { errors } from './catalog'

/**
 * What every operation may answer, whatever it does: a crash (500 `SERVER_ERROR`). The other
 * codes an operation may answer are listed with it below, so that each list is true: reads
 * take no API key (no 401, 403 or 429), and only the demo's failure route answers 502–504.
 */
export const COMMON = ['SERVER_ERROR'] as const

/**
 * What every tRPC procedure may answer besides: 400, as each takes an input from JSON:
 * `BAD_REQUEST` when it is not JSON (a query's `?input=`), `VALIDATION_ERROR` when it does not
 * match.
 */
export const TRPC_COMMON = [...COMMON, 'BAD_REQUEST', 'VALIDATION_ERROR'] as const

/** A write: 401 without a valid key, 403 with a read-only one, 429 over the write limit. */
const WRITE = ['UNAUTHORIZED', 'FORBIDDEN', 'TOO_MANY_REQUESTS'] as const
/** Reading a JSON body: malformed (400), invalid (400), too large (413), not JSON (415). */
const BODY = [
  'BAD_REQUEST',
  'VALIDATION_ERROR',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const

/** A code of the catalog. */
type Code = CodeOf<typeof errors.definitions>

/** The codes each operation declares, besides {@link COMMON}. */
export const operationCodes = {
  /** `GET /posts`: a bad `limit` or `cursor`. */
  listPosts: ['VALIDATION_ERROR'],
  /** `POST /posts`: a write with a body and an `Idempotency-Key` (400 when malformed). */
  createPost: [...WRITE, ...BODY, 'IDEMPOTENCY_KEY_REUSED'],
  /** `GET /posts/{postId}`. */
  getPost: ['VALIDATION_ERROR', 'POST_NOT_FOUND'],
  /** `POST /posts/{postId}/votes`. */
  addVote: [...WRITE, 'VALIDATION_ERROR', 'POST_NOT_FOUND', 'VOTE_EXISTS'],
  /** `DELETE /posts/{postId}/votes`. */
  removeVote: [...WRITE, 'VALIDATION_ERROR', 'VOTE_NOT_FOUND'],
  /** `POST /webhooks/test`: 402 when the delivery fails. */
  testWebhook: [...WRITE, ...BODY, 'REQUEST_FAILED'],
  /** `GET /_demo/fail/{status}`: the status asked for (the path admits only these). */
  demoFail: ['BAD_GATEWAY', 'SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT'],
  /** `GET /openapi.json` (REST only): nothing but the common 500. */
  openApiDocument: [],
} as const satisfies Record<string, readonly Code[]>

/** The name of an operation, as {@link declaredErrors} lists it. */
export type Operation = keyof typeof operationCodes

type Declared = {
  readonly [K in Operation]: DeclaredErrors<
    typeof errors.definitions,
    (typeof operationCodes)[K][number] | (typeof COMMON)[number]
  >
}

/**
 * The errors of each operation of the feedback API, in one place, read by all three surfaces:
 * the Hono routes (`declares(...)`, so `hc` narrows), the tRPC procedures
 * (`.errors(trpcErrors.declare(...))`), the Fetch routes (`withErrors`'s `declared`), and the
 * OpenAPI document served at `/api/v1/openapi.json` (`src/openapi.ts`). An error an operation
 * does not list is still answered, and reported as undeclared; the tests make it a 500
 * (`test/strict-errors.ts`), so a list that drifts from the code fails them.
 *
 * @example
 * ```ts
 * declaredErrors.getPost.has('POST_NOT_FOUND') // true
 * declaredErrors.getPost.has('VOTE_EXISTS') // false
 * ```
 */
export const declaredErrors = Object.fromEntries(
  Object.entries(operationCodes).map(([operation, codes]) => [
    operation,
    declareErrors(errors, codes, { common: COMMON }),
  ]),
) as Declared
