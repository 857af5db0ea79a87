import { describe, expect, it } from 'vitest'
import { errors } from '../test/catalog'
import { withErrors } from './handler'
import { requestIdOf } from './request-id'

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
    ['129 characters', 'a'.repeat(129)],
  ])('never echoes a hostile incoming id (%s)', async (_kind, hostile) => {
    const response = await failing(withId(hostile))
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(UUID)
    const text = await response.text()
    expect(JSON.parse(text).requestId).toBe(id)
    if (hostile !== '') expect(text).not.toContain(hostile)
  })

  it('adds the id to successful responses', async () => {
    const handler = withErrors(() => Response.json({ ok: true }), { requestId: true })
    const response = await handler(withId('req_2'))
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'req_2',
    })
    expect(await response.json()).toEqual({ ok: true })
  })

  it('copies a response whose headers are immutable instead of failing', async () => {
    const redirect = Response.redirect('http://localhost/login', 302)
    expect(() => redirect.headers.set('x-test', '1')).toThrow(TypeError)
    const handler = withErrors(() => redirect, { requestId: true })
    const response = await handler(withId('req_3'))
    expect(response.status).toBe(302)
    expect(Object.fromEntries(response.headers)).toEqual({
      location: 'http://localhost/login',
      'x-request-id': 'req_3',
    })
  })

  it('copies a fetched response (immutable headers) and keeps its body', async () => {
    const upstream = await fetch('data:text/plain,from%20upstream')
    const handler = withErrors(() => upstream, { requestId: true })
    const response = await handler(withId('req_4'))
    expect(response).not.toBe(upstream)
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/plain',
      'x-request-id': 'req_4',
    })
    expect(await response.text()).toBe('from upstream')
  })

  it("keeps the handler's own x-request-id", async () => {
    const handler = withErrors(
      () => new Response(null, { status: 204, headers: { 'x-request-id': 'from-handler' } }),
      { requestId: true },
    )
    const response = await handler(withId('req_5'))
    expect(response.headers.get('x-request-id')).toBe('from-handler')
  })

  it('lets the handler and the reporter read the id with requestIdOf', async () => {
    const seen: (string | undefined)[] = []
    const handler = withErrors(
      (request) => {
        seen.push(requestIdOf(request))
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
    expect(seen).toEqual(['req_6', 'req_6'])
    expect(response.headers.get('x-request-id')).toBe('req_6')
    expect(requestIdOf(withId('req_6'))).toBeUndefined()
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
    const throwing = withErrors(() => new Response('ok'), {
      requestId: () => {
        throw new Error('bad picker')
      },
    })
    expect((await throwing(withId())).headers.get('x-request-id')).toMatch(UUID)
  })
})
