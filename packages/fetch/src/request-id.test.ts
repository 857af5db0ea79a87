import { requestIdOf } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { withErrors } from './handler'

const withId = (id?: string) =>
  new Request(
    'http://localhost/api/votes',
    id === undefined ? {} : { headers: { 'x-request-id': id } },
  )

describe('request-id correlation', () => {
  it('is off by default', async () => {
    const handler = withErrors(() => {
      throw errors.create('VOTE_EXISTS')
    })
    const response = await handler(withId('req_1'))
    expect(response.headers.has('x-request-id')).toBe(false)
    expect(await response.json()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
    })
  })

  it('gives the reporter the id the client gets, as requestIdOf(request) does', async () => {
    const seen: (string | undefined)[] = []
    const handler = withErrors(
      (request) => {
        seen.push(requestIdOf(request, { requestId: false }))
        throw new Error('boom')
      },
      {
        requestId: true,
        onError: (_thrown, { request }) => {
          seen.push(request && requestIdOf(request))
        },
      },
    )
    const response = await handler(withId('req_6'))
    expect(seen).toEqual([undefined, 'req_6'])
    expect(response.headers.get('x-request-id')).toBe('req_6')
  })

  it('takes the id from a custom function', async () => {
    const handler = withErrors(
      () => {
        throw errors.create('VOTE_EXISTS')
      },
      { catalog: errors, requestId: (request) => request.headers.get('cf-ray') },
    )
    const ray = new Request('http://localhost/', { headers: { 'cf-ray': '8f1e2d3c4b5a6978-FRA' } })
    expect((await handler(ray)).headers.get('x-request-id')).toBe('8f1e2d3c4b5a6978-FRA')
  })
})
