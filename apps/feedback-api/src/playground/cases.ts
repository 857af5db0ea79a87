/** One call of the API, described once and sent to every surface. */
export interface Call {
  readonly op: 'list' | 'get' | 'create' | 'vote' | 'unvote' | 'webhook' | 'fail' | 'nowhere'
  readonly key?: string
  readonly postId?: string
  readonly body?: unknown
  /** Sent instead of the JSON body (malformed JSON, a huge body). */
  readonly raw?: string
  readonly contentType?: string
  readonly idempotencyKey?: string
  readonly url?: string
  readonly status?: number
}

/** A case of the playground: what it shows, the calls that set it up, the call it fires. */
export interface Case {
  readonly id: string
  /** The status every surface answers with, shown first on the case's button. */
  readonly status: number
  /** The catalog code every surface answers with (none for a success). */
  readonly code?: string
  /** What sets this case apart from another one with the same status and code. */
  readonly detail?: string
  readonly about: string
  /**
   * Fired first on the same surface; their answers are not shown. Each case makes its own
   * precondition, so a second click shows the same answer as the first.
   */
  readonly setup?: (run: RunContext) => readonly Call[]
  readonly call: (run: RunContext) => Call
  /** Fire the call again, at most this many times, until it gets the case's status. */
  readonly tries?: number
}

/** Values that are fresh for each run of a case on a surface. */
export interface RunContext {
  readonly unique: string
}

/**
 * The playground's own key (migrations/0004_playground_keys.sql): read-write with a write limit
 * no pass over the cases reaches, so no case borrows another one's 429.
 */
export const playgroundKey = 'lc_test_playground'
/** 3 writes a minute: the 429 case only. */
export const limitedKey = 'lc_test_limited'
const admin = playgroundKey
const darkMode = '00000000-0000-4000-8000-000000000001'
const csvExport = '00000000-0000-4000-8000-000000000002'

/** Every case the page lists, in the order of the status table. */
export const cases: readonly Case[] = [
  {
    id: 'list',
    status: 200,
    detail: 'list posts',
    about: 'A read that works, for comparison.',
    call: () => ({ op: 'list' }),
  },
  {
    id: 'idempotency-replay',
    status: 201,
    // A tRPC mutation answers 200 on success: it has no "created".
    detail: 'idempotent replay, tRPC: 200',
    about:
      'The same Idempotency-Key with the same body replays the first answer (Idempotent-Replayed: true); nothing is created.',
    setup: ({ unique }) => [
      { op: 'create', key: admin, idempotencyKey: unique, body: { title: 'Once' } },
    ],
    call: ({ unique }) => ({
      op: 'create',
      key: admin,
      idempotencyKey: unique,
      body: { title: 'Once' },
    }),
  },
  {
    id: 'validation',
    status: 400,
    code: 'VALIDATION_ERROR',
    about: 'An empty title and a number for the description: one entry per problem in errors[].',
    call: () => ({ op: 'create', key: admin, body: { title: '', description: 42 } }),
  },
  {
    id: 'webhook-invalid',
    status: 400,
    code: 'VALIDATION_ERROR',
    detail: 'webhook URL',
    about: 'A webhook URL that is not http(s): a validation error, nothing is sent.',
    call: () => ({ op: 'webhook', key: admin, url: 'ftp://example.com/hook' }),
  },
  {
    id: 'malformed',
    status: 400,
    code: 'BAD_REQUEST',
    about: 'Malformed JSON: the parser message (which quotes the body) is not passed on.',
    call: () => ({ op: 'create', key: admin, raw: '{"title": "Dark mode",' }),
  },
  {
    id: 'no-key',
    status: 401,
    code: 'UNAUTHORIZED',
    about: 'A write without an API key; note WWW-Authenticate.',
    call: () => ({ op: 'create', body: { title: 'Dark mode' } }),
  },
  {
    id: 'bad-key',
    status: 401,
    code: 'UNAUTHORIZED',
    detail: 'unknown key',
    about: 'A key that does not exist.',
    call: () => ({ op: 'vote', key: 'lc_test_nope', postId: darkMode }),
  },
  {
    id: 'webhook-failed',
    status: 402,
    code: 'REQUEST_FAILED',
    about:
      'A valid webhook URL whose delivery fails: nothing listens on port 9 of the machine running the Worker, so the connection is refused. The status line reads "402 Payment Required": that is the reason phrase HTTP registers for 402; the convention reuses 402 as "Request Failed", and clients read the status number and the code, never the phrase.',
    call: () => ({ op: 'webhook', key: admin, url: 'http://127.0.0.1:9/feedback' }),
  },
  {
    id: 'forbidden',
    status: 403,
    code: 'FORBIDDEN',
    about: 'A write with the read-only key lc_test_readonly.',
    call: () => ({ op: 'create', key: 'lc_test_readonly', body: { title: 'Dark mode' } }),
  },
  {
    id: 'post-not-found',
    status: 404,
    code: 'POST_NOT_FOUND',
    about: 'A post that does not exist.',
    call: () => ({ op: 'get', postId: 'no-such-post' }),
  },
  {
    id: 'vote-not-found',
    status: 404,
    code: 'VOTE_NOT_FOUND',
    about: 'Removing a vote that is not there (the setup removes it first).',
    setup: () => [{ op: 'unvote', key: admin, postId: csvExport }],
    call: () => ({ op: 'unvote', key: admin, postId: csvExport }),
  },
  {
    id: 'nowhere',
    status: 404,
    code: 'NOT_FOUND',
    about: 'A path (or procedure) that does not exist.',
    call: () => ({ op: 'nowhere' }),
  },
  {
    id: 'vote-exists',
    status: 409,
    code: 'VOTE_EXISTS',
    about:
      'A second vote on the same post (the setup votes first; if the vote is already there, that is a 409 too).',
    setup: () => [{ op: 'vote', key: admin, postId: darkMode }],
    call: () => ({ op: 'vote', key: admin, postId: darkMode }),
  },
  {
    id: 'idempotency-reused',
    status: 409,
    code: 'IDEMPOTENCY_KEY_REUSED',
    about: 'The same Idempotency-Key with another body.',
    setup: ({ unique }) => [
      { op: 'create', key: admin, idempotencyKey: unique, body: { title: 'First' } },
    ],
    call: ({ unique }) => ({
      op: 'create',
      key: admin,
      idempotencyKey: unique,
      body: { title: 'Second' },
    }),
  },
  {
    id: 'too-large',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    about: 'A body over the 64 KiB limit.',
    call: () => ({ op: 'create', key: admin, raw: JSON.stringify({ title: 'x'.repeat(70_000) }) }),
  },
  {
    id: 'media-type',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    about: 'A body that is not JSON.',
    call: () => ({
      op: 'create',
      key: admin,
      raw: 'title=Dark+mode',
      contentType: 'application/x-www-form-urlencoded',
    }),
  },
  {
    id: 'rate-limit',
    status: 429,
    code: 'TOO_MANY_REQUESTS',
    about:
      'lc_test_limited may make 3 writes a minute: the page writes with it until the answer is 429 (at most 5 tries) and shows that answer; note Retry-After.',
    tries: 5,
    call: () => ({ op: 'create', key: limitedKey, body: { title: 'Burst' } }),
  },
  ...(
    [
      [500, 'SERVER_ERROR'],
      [502, 'BAD_GATEWAY'],
      [503, 'SERVICE_UNAVAILABLE'],
      [504, 'GATEWAY_TIMEOUT'],
    ] as const
  ).map(
    ([status, code]): Case => ({
      id: `fail-${status}`,
      status,
      code,
      about:
        status === 500
          ? 'The handler throws an Error whose message holds a password: the body shows the catalog message only.'
          : 'An upstream call failed; the upstream details stay in the server log.',
      call: () => ({ op: 'fail', status }),
    }),
  ),
]

/**
 * The label of a case's button: its status and code, then what sets it apart. The page test
 * reads the status and code back from this label.
 *
 * @example
 * ```ts
 * label({ status: 401, code: 'UNAUTHORIZED', detail: 'unknown key' }) // '401 UNAUTHORIZED (unknown key)'
 * ```
 */
export function label(test: Pick<Case, 'status' | 'code' | 'detail'>): string {
  const head = test.code ? `${test.status} ${test.code}` : String(test.status)
  return test.detail ? `${head} (${test.detail})` : head
}
