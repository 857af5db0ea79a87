import { afterEach, describe, expect, it, vi } from 'vitest'
import { declaredErrors, operationCodes } from '../src/errors-per-route'
import { undeclared } from '../src/surfaces/undeclared'
import { send } from './surfaces'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the errors each operation declares', () => {
  it('are its own codes and the common 500', () => {
    expect(declaredErrors.getPost.codes).toEqual([
      'VALIDATION_ERROR',
      'POST_NOT_FOUND',
      'SERVER_ERROR',
    ])
    expect(declaredErrors.createPost.codes).toEqual([...operationCodes.createPost, 'SERVER_ERROR'])
    expect(declaredErrors.listPosts.has('UNAUTHORIZED')).toBe(false)
    expect(declaredErrors.addVote.has('VOTE_EXISTS')).toBe(true)
    expect(declaredErrors.removeVote.has('VOTE_EXISTS')).toBe(false)
  })

  it('are strict under test (test/strict-errors.ts)', () => {
    expect(undeclared).toBe('fail')
  })

  // Drift: the route answers a code its declaration no longer lists. Under test that is a 500,
  // so the tests that see the code fail; in production it is answered and reported.
  it.each(['hono', 'fetch'] as const)('make an undeclared answer a 500 on %s', async (surface) => {
    const missing = '00000000-0000-4000-8000-00000000dead'
    expect((await send(surface, { op: 'get', postId: missing })).status).toBe(404)
    vi.spyOn(declaredErrors.getPost, 'has').mockImplementation(
      (code): code is never => code !== 'POST_NOT_FOUND',
    )
    const logged: unknown[] = []
    for (const level of ['warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((record: unknown) => logged.push(record))
    }
    const answer = await send(surface, { op: 'get', postId: missing })
    expect(answer.status).toBe(500)
    expect(answer.body).toMatchObject({ code: 'SERVER_ERROR' })
    // and the log says which route answered what it did not declare
    expect(logged).toEqual([
      expect.objectContaining({ undeclared: true, method: 'GET', error: expect.anything() }),
    ])
  })
})
