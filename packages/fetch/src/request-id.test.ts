import { requestIdOf } from '@faultline/core'
import { errors } from '@faultline/test-catalog'
import { describe, expect, it } from 'vitest'
import { withErrors } from './handler'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const failing = withErrors(
  () => {
    throw errors.create('VOTE_EXISTS')
  },
  { catalog: errors, requestId: true },
)

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

  it('echoes a safe incoming x-request-id in the header and the body', async () => {
    const response = await failing(withId('req_01HZX:edge@fra-1.a'))
    expect(response.headers.get('x-request-id')).toBe('req_01HZX:edge@fra-1.a')
    expect(await response.json()).toEqual({
      code: 'VOTE_EXISTS',
      message: 'User has already voted on this post',
      requestId: 'req_01HZX:edge@fra-1.a',
    })
  })

  it('generates a UUID when there is no incoming id', async () => {
    const response = await failing(withId())
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(UUID)
    expect(((await response.json()) as { requestId: string }).requestId).toBe(id)
  })

  it.each([
    ['a 10 KB string', 'a'.repeat(10 * 1024)],
    ['spaces', 'req 1 set-cookie x'],
    ['latin-1 unicode', 'réq-1'],
    ['a semicolon', 'req;1'],
    ['a comma', 'req,1'],
    ['quotes and angle brackets', '"<script>"'],
    ['an empty string', ''],
    ['256 characters', 'a'.repeat(256)],
  ])('never echoes a hostile incoming id (%s)', async (_kind, hostile) => {
    const response = await failing(withId(hostile))
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(UUID)
    const text = await response.text()
    expect(JSON.parse(text).requestId).toBe(id)
    if (hostile !== '') expect(text).not.toContain(hostile)
  })

  it('leaves successful responses as the handler made them', async () => {
    const handler = withErrors(() => Response.json({ ok: true }), { requestId: true })
    const response = await handler(withId('req_2'))
    expect(response.headers.has('x-request-id')).toBe(false)
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

  it('takes the id from a custom function, falling back when it is unsafe', async () => {
    const handler = withErrors(
      () => {
        throw errors.create('VOTE_EXISTS')
      },
      { catalog: errors, requestId: (request) => request.headers.get('cf-ray') },
    )
    const ray = new Request('http://localhost/', { headers: { 'cf-ray': '8f1e2d3c4b5a6978-FRA' } })
    expect((await handler(ray)).headers.get('x-request-id')).toBe('8f1e2d3c4b5a6978-FRA')
    const unsafe = new Request('http://localhost/', {
      headers: { 'cf-ray': 'a b', 'x-request-id': 'req_7' },
    })
    expect((await handler(unsafe)).headers.get('x-request-id')).toBe('req_7')
    const throwing = withErrors(() => Promise.reject(new Error('boom')), {
      requestId: () => {
        throw new Error('bad picker')
      },
    })
    expect((await throwing(withId())).headers.get('x-request-id')).toMatch(UUID)
  })
})
