import { describe, expect, it } from 'vitest'
import { quietReporter, seedPost } from './expect'
import { type Call, type Key, send, surfaces } from './surfaces'

quietReporter()

const cases: ReadonlyArray<readonly [string, Call, Key]> = [
  ['404 POST_NOT_FOUND', { op: 'get', postId: 'missing' }, null],
  ['400 VALIDATION_ERROR', { op: 'create', body: { title: 7 } }, 'lc_test_admin'],
  ['400 BAD_REQUEST', { op: 'create', body: null, raw: '{' }, 'lc_test_admin'],
  ['401 missing key', { op: 'create', body: { title: 'x' } }, null],
  ['401 unknown key', { op: 'vote', postId: 'missing' }, 'lc_test_nope'],
  ['403 FORBIDDEN', { op: 'unvote', postId: 'missing' }, 'lc_test_readonly'],
  ['404 VOTE_NOT_FOUND', { op: 'unvote', postId: 'missing' }, 'lc_test_admin'],
  ['413', { op: 'create', body: null, raw: 'x'.repeat(70_000) }, 'lc_test_admin'],
  ['415', { op: 'create', body: null, raw: 'x', contentType: 'text/plain' }, 'lc_test_admin'],
  [
    '402 REQUEST_FAILED',
    { op: 'webhook', url: 'https://hooks.example.com/failing' },
    'lc_test_admin',
  ],
  ['500 SERVER_ERROR', { op: 'fail', status: 500 }, null],
  ['502 BAD_GATEWAY', { op: 'fail', status: 502 }, null],
  ['503 SERVICE_UNAVAILABLE', { op: 'fail', status: 503 }, null],
  ['504 GATEWAY_TIMEOUT', { op: 'fail', status: 504 }, null],
]

const headerNames = ['retry-after', 'www-authenticate', 'x-request-id', 'cache-control']

describe('one case, one answer on every surface', () => {
  it.each(cases)('%s', async (_, call, key) => {
    const answers = await Promise.all(surfaces.map((surface) => send(surface, call, key)))
    const seen = answers.map(({ status, headers, body }) => ({
      status,
      body,
      headers: Object.fromEntries(headerNames.map((name) => [name, headers.get(name)])),
    }))
    expect(seen[0]?.status).toBeGreaterThanOrEqual(400)
    expect(seen[1]).toEqual(seen[0])
    expect(seen[2]).toEqual(seen[0])
  })

  it('409 VOTE_EXISTS', async () => {
    const postId = await seedPost()
    await send('hono', { op: 'vote', postId })
    const answers = await Promise.all(
      surfaces.map((surface) => send(surface, { op: 'vote', postId })),
    )
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body])))).toEqual(
      new Set([
        JSON.stringify([
          409,
          {
            code: 'VOTE_EXISTS',
            message: 'User has already voted on this post',
            requestId: 'req-test',
          },
        ]),
      ]),
    )
  })
})
