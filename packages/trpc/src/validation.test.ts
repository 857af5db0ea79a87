import { describe, expect, it } from 'vitest'
import { clientOf, makeRouter, serve, thrownBy } from '../test/app'

const router = makeRouter()

describe('input validation', () => {
  it('turns a failed zod input into VALIDATION_ERROR with errors[]', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch)
    await thrownBy(() =>
      client.post.create.mutate({ title: 'hi', tags: ['ok', 7 as unknown as string] }),
    )
    expect(last().status).toBe(400)
    const { error } = JSON.parse(last().body)
    expect(error.message).toBe('Validation failed')
    expect(error.code).toBe(-32600)
    expect(error.data.code).toBe('BAD_REQUEST')
    expect(error.data.error).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        {
          code: 'too_small',
          message: 'Too small: expected string to have >=3 characters',
          path: '/title',
        },
        { code: 'invalid_type', message: 'Invalid input: expected string', path: '/tags/1' },
      ],
      requestId: last().headers.get('x-request-id'),
    })
  })

  it('turns a failed valibot input into VALIDATION_ERROR without echoing the input', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() =>
      clientOf(fetch, 'batch').post.createValibot.mutate({
        title: 'hunter2-title-is-fine',
        email: 'hunter2-not-an-email',
      }),
    )
    expect(last().status).toBe(400)
    expect(last().body).not.toContain('hunter2')
    expect(JSON.parse(last().body)[0].error.data.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [{ code: 'email', message: 'Invalid email', path: '/email' }],
    })
  })

  it('never sends a stringified list of issues as the message', async () => {
    const { fetch, last } = serve(router)
    await thrownBy(() => clientOf(fetch).post.create.mutate({ title: 'x', tags: [] }))
    const { error } = JSON.parse(last().body)
    expect(error.message).toBe('Validation failed')
    expect(last().body).not.toContain('"origin"')
    expect(last().body).not.toContain('minimum')
  })

  it('sends a 400 per failed call in a batch, next to the calls that passed', async () => {
    const { fetch, last } = serve(router)
    const client = clientOf(fetch, 'batch')
    const results = await Promise.allSettled([
      client.post.create.mutate({ title: 'x', tags: [] }),
      client.post.create.mutate({ title: 'Dark mode', tags: [] }),
    ])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled'])
    expect(last().status).toBe(207)
    expect(JSON.parse(last().body)[0].error.data.httpStatus).toBe(400)
  })
})
