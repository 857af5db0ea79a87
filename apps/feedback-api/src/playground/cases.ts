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
  readonly title: string
  readonly about: string
  /** Fired first on the same surface; their answers are not shown. */
  readonly setup?: (run: RunContext) => readonly Call[]
  readonly call: (run: RunContext) => Call
}

/** Values that are fresh for each run of a case on a surface. */
export interface RunContext {
  readonly unique: string
}

const admin = 'lc_test_admin'
const darkMode = '00000000-0000-4000-8000-000000000001'
const csvExport = '00000000-0000-4000-8000-000000000002'

/** Every case the page lists, in the order of the status table. */
export const cases: readonly Case[] = [
  {
    id: 'list',
    title: '200 list posts',
    about: 'A read that works, for comparison.',
    call: () => ({ op: 'list' }),
  },
  {
    id: 'validation',
    title: '400 VALIDATION_ERROR',
    about: 'An empty title and a number for the description: one entry per problem in errors[].',
    call: () => ({ op: 'create', key: admin, body: { title: '', description: 42 } }),
  },
  {
    id: 'malformed',
    title: '400 BAD_REQUEST',
    about: 'Malformed JSON: the parser message (which quotes the body) is not passed on.',
    call: () => ({ op: 'create', key: admin, raw: '{"title": "Dark mode",' }),
  },
  {
    id: 'webhook-invalid',
    title: '400 invalid webhook URL',
    about: 'Not an http(s) URL: a validation error, nothing is sent.',
    call: () => ({ op: 'webhook', key: admin, url: 'ftp://example.com/hook' }),
  },
  {
    id: 'no-key',
    title: '401 UNAUTHORIZED',
    about: 'A write without an API key; note WWW-Authenticate.',
    call: () => ({ op: 'create', body: { title: 'Dark mode' } }),
  },
  {
    id: 'bad-key',
    title: '401 UNAUTHORIZED (unknown key)',
    about: 'A key that does not exist.',
    call: () => ({ op: 'vote', key: 'lc_test_nope', postId: darkMode }),
  },
  {
    id: 'webhook-failed',
    title: '402 REQUEST_FAILED',
    about: 'A valid webhook URL whose delivery fails.',
    call: () => ({ op: 'webhook', key: admin, url: 'https://hooks.example.invalid/feedback' }),
  },
  {
    id: 'forbidden',
    title: '403 FORBIDDEN',
    about: 'A write with the read-only key lc_test_readonly.',
    call: () => ({ op: 'create', key: 'lc_test_readonly', body: { title: 'Dark mode' } }),
  },
  {
    id: 'post-not-found',
    title: '404 POST_NOT_FOUND',
    about: 'A post that does not exist.',
    call: () => ({ op: 'get', postId: 'no-such-post' }),
  },
  {
    id: 'vote-not-found',
    title: '404 VOTE_NOT_FOUND',
    about: 'Removing a vote that is not there (the setup removes it first).',
    setup: () => [{ op: 'unvote', key: admin, postId: csvExport }],
    call: () => ({ op: 'unvote', key: admin, postId: csvExport }),
  },
  {
    id: 'nowhere',
    title: '404 NOT_FOUND',
    about: 'A path (or procedure) that does not exist.',
    call: () => ({ op: 'nowhere' }),
  },
  {
    id: 'vote-exists',
    title: '409 VOTE_EXISTS',
    about: 'A second vote on the same post (the setup votes first).',
    setup: () => [{ op: 'vote', key: admin, postId: darkMode }],
    call: () => ({ op: 'vote', key: admin, postId: darkMode }),
  },
  {
    id: 'idempotency-reused',
    title: '409 IDEMPOTENCY_KEY_REUSED',
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
    id: 'idempotency-replay',
    title: '201 idempotent replay',
    about:
      'The same Idempotency-Key with the same body replays the first answer; nothing is created.',
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
    id: 'too-large',
    title: '413 PAYLOAD_TOO_LARGE',
    about: 'A body over the 64 KiB limit.',
    call: () => ({ op: 'create', key: admin, raw: JSON.stringify({ title: 'x'.repeat(70_000) }) }),
  },
  {
    id: 'media-type',
    title: '415 UNSUPPORTED_MEDIA_TYPE',
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
    title: '429 TOO_MANY_REQUESTS',
    about: 'lc_test_limited may make 3 writes a minute (the setup makes them); note Retry-After.',
    setup: () =>
      Array.from(
        { length: 3 },
        () => ({ op: 'create', key: 'lc_test_limited', body: { title: 'Burst' } }) as const,
      ),
    call: () => ({ op: 'create', key: 'lc_test_limited', body: { title: 'One too many' } }),
  },
  ...[500, 502, 503, 504].map(
    (status): Case => ({
      id: `fail-${status}`,
      title: `${status} ${{ 500: 'SERVER_ERROR', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE', 504: 'GATEWAY_TIMEOUT' }[status]}`,
      about:
        status === 500
          ? 'The handler throws an Error whose message holds a password: the body shows the catalog message only.'
          : 'An upstream call failed; the upstream details stay in the server log.',
      call: () => ({ op: 'fail', status }),
    }),
  ),
]
