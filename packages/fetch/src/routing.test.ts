import { defaultErrors, defineErrors, isApiError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { errors, read } from '../test/catalog'
import { withErrors } from './handler'
import { methodNotAllowed, notFound } from './routing'

const router = withErrors(
  (request) => {
    const { pathname } = new URL(request.url)
    if (pathname !== '/api/posts') throw notFound({ catalog: errors })
    if (request.method !== 'GET' && request.method !== 'POST') {
      throw methodNotAllowed(['GET', 'POST'], { catalog: errors })
    }
    return Response.json([])
  },
  { catalog: errors },
)

describe('notFound and methodNotAllowed', () => {
  it('answers 404 in the catalog shape for an unknown path', async () => {
    expect(await read(await router(new Request('http://localhost/nope')))).toMatchInlineSnapshot(`
      {
        "body": {
          "code": "NOT_FOUND",
          "message": "Not found",
        },
        "headers": {
          "cache-control": "no-store",
          "content-type": "application/json; charset=utf-8",
          "vary": "accept",
        },
        "status": 404,
      }
    `)
  })

  it('answers 405 with an Allow header for an unsupported method', async () => {
    const response = await router(new Request('http://localhost/api/posts', { method: 'DELETE' }))
    expect(await read(response)).toMatchInlineSnapshot(`
      {
        "body": {
          "code": "METHOD_NOT_ALLOWED",
          "message": "Method not allowed",
        },
        "headers": {
          "allow": "GET, POST",
          "cache-control": "no-store",
          "content-type": "application/json; charset=utf-8",
          "vary": "accept",
        },
        "status": 405,
      }
    `)
  })

  it('keeps the Allow header in Problem Details', async () => {
    const response = await router(
      new Request('http://localhost/api/posts', {
        method: 'PUT',
        headers: { accept: 'application/problem+json' },
      }),
    )
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST')
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('returns the errors rather than throwing them', () => {
    const error = methodNotAllowed(['get', 'POST', 'GET'])
    expect(isApiError(error, 'METHOD_NOT_ALLOWED')).toBe(true)
    expect(error.headers).toEqual({ allow: 'GET, POST' })
    expect(errors.is(notFound({ catalog: errors }), 'NOT_FOUND')).toBe(true)
  })

  it('takes the message and status text from the catalog, or a custom message', () => {
    const custom = defineErrors({
      ...defaultErrors,
      NOT_FOUND: { status: 404, message: 'Nothing here' },
    })
    expect(notFound({ catalog: custom }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'Nothing here',
    })
    expect(notFound({ message: 'No route for /x' }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'No route for /x',
    })
  })

  it('falls back to the default entries for a catalog without them', () => {
    const bare = defineErrors({ TEAPOT: { status: 418, message: 'I am a teapot' } })
    expect(methodNotAllowed(['GET'], { catalog: bare }).status).toBe(405)
    expect(notFound({ catalog: bare }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found',
    })
  })
})
