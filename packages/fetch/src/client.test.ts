import { isApiError } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { post } from '../test/http'
import { readJson } from './body'
import { ensureOk, readResult } from './client'
import { withErrors } from './handler'

describe('readResult', () => {
  it('returns a successful response untouched, body unread', async () => {
    const response = Response.json({ id: 7 })
    const result = await readResult(response, { catalog: errors })
    expect(result).toEqual({ ok: true, response })
    expect(response.bodyUsed).toBe(false)
  })

  it('reads a valid catalog body into the typed error', async () => {
    const response = Response.json(
      { code: 'POST_NOT_FOUND', message: 'Post not found', data: { postId: '7' }, requestId: 'r1' },
      { status: 404 },
    )
    const result = await readResult(response, { catalog: errors })
    if (result.ok) throw new Error('expected a failure')
    expect(result.error.code).toBe('POST_NOT_FOUND')
    expect(errors.is(result.error, 'POST_NOT_FOUND')).toBe(true)
    expect({
      status: result.error.status,
      message: result.error.message,
      data: result.error.data,
      requestId: result.error.requestId,
    }).toEqual({ status: 404, message: 'Post not found', data: { postId: '7' }, requestId: 'r1' })
  })

  it('passes 3xx responses through (redirect: manual, 304)', async () => {
    for (const status of [301, 304]) {
      const response = new Response(null, { status })
      expect(await readResult(response, { catalog: errors })).toEqual({ ok: true, response })
    }
  })

  it('uses the default catalog when none is given', async () => {
    const result = await readResult(new Response('', { status: 401 }))
    expect(result.ok || result.error.code).toBe('UNAUTHORIZED')
  })
})

describe('ensureOk', () => {
  it('returns a successful response', async () => {
    const response = new Response('ok')
    expect(await ensureOk(response, { catalog: errors })).toBe(response)
  })

  it('throws the typed catalog error', async () => {
    const response = Response.json(
      { code: 'VOTE_EXISTS', message: 'User has already voted on this post' },
      { status: 409 },
    )
    const thrown = await ensureOk(response, { catalog: errors }).catch((e: unknown) => e)
    expect(isApiError(thrown, 'VOTE_EXISTS')).toBe(true)
    expect(errors.is(thrown, 'VOTE_EXISTS') && thrown.toJSON()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
    })
  })

  it('round-trips a validation error and request id from a wrapped handler', async () => {
    const handler = withErrors(
      async (request) =>
        Response.json(await readJson(request, z.object({ title: z.string().min(1) }))),
      { catalog: errors, requestId: true },
    )
    const response = await handler(post('{"title":""}', { 'x-request-id': 'req_42' }))
    const thrown = await ensureOk(response, { catalog: errors }).catch((e: unknown) => e)
    if (!errors.is(thrown, 'VALIDATION_ERROR')) throw new Error('expected VALIDATION_ERROR')
    expect(thrown.status).toBe(400)
    expect(thrown.requestId).toBe('req_42')
    expect(thrown.errors).toEqual([
      {
        code: 'too_small',
        message: 'Too small: expected string to have >=1 characters',
        path: '/title',
      },
    ])
  })
})
