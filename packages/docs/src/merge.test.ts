import { handleError, problemDetails, validationError } from '@faultline/core/adapter'
import { errors } from '@faultline/test-catalog'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'
import { schemaChecker, validateOpenApi } from '../test/schema-validator'
import { withErrorComponents } from './merge'
import { errorResponses, openApiComponents } from './openapi'

const Post = z.object({ id: z.string(), title: z.string() }).openapi('Post')

const getPost = createRoute({
  method: 'get',
  path: '/posts/{id}',
  request: { params: z.object({ id: z.string().min(2) }) },
  responses: {
    200: { description: 'The post', content: { 'application/json': { schema: Post } } },
    ...errorResponses(errors, { codes: ['VALIDATION_ERROR', 'POST_NOT_FOUND', 'SERVER_ERROR'] }),
  },
})

function makeApp() {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        throw validationError(result.error.issues, { input: c.req.param(), catalog: errors })
    },
  })
  app.openapi(getPost, (c) => {
    const { id } = c.req.valid('param')
    if (id === 'boom') throw new Error('db password is hunter2')
    if (id !== '42') throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
    return c.json({ id, title: 'Hello' }, 200)
  })
  app.onError((error, c) =>
    handleError(error, { catalog: errors, request: c.req.raw, problemDetails }),
  )
  return app
}

const info = { title: 'Posts', version: '1.0.0' }

describe('withErrorComponents', () => {
  it('makes a @hono/zod-openapi document that a real OpenAPI 3.1 validator accepts', async () => {
    const app = makeApp()
    const document = withErrorComponents(app.getOpenAPI31Document({ openapi: '3.1.0', info }), {
      catalog: errors,
    })
    expect(await validateOpenApi(document)).toEqual({ valid: true })
    expect(document.paths?.['/posts/{id}']?.get?.responses).toMatchObject({
      '400': { $ref: '#/components/responses/Error400' },
      '404': { $ref: '#/components/responses/Error404' },
      '500': { $ref: '#/components/responses/Error500' },
    })
    expect(Object.keys(document.components?.schemas ?? {})).toContain('Post')
  })

  it('is rejected by the validator without the components its routes refer to', async () => {
    const document = makeApp().getOpenAPI31Document({ openapi: '3.1.0', info })
    expect((await validateOpenApi(document)).valid).toBe(false)
  })

  it('documents exactly what the app answers, for each error of the route', async () => {
    const app = makeApp()
    const document = withErrorComponents(app.getOpenAPI31Document({ openapi: '3.1.0', info }), {
      catalog: errors,
    })
    const checker = schemaChecker(document)
    const cases = [
      ['/posts/77', 404],
      ['/posts/x', 400],
      ['/posts/boom', 500],
    ] as const
    for (const [path, status] of cases) {
      const response = await app.request(path)
      expect(response.status).toBe(status)
      const body = await response.json()
      const pointer = `/components/responses/Error${status}/content/application~1json/schema`
      expect(checker.check(pointer, body)).toBeNull()
      const problem = await (
        await app.request(path, { headers: { accept: 'application/problem+json' } })
      ).json()
      expect(
        checker.check(pointer.replace('application~1json', 'application~1problem+json'), problem),
      ).toBeNull()
    }
    expect(await (await app.request('/posts/x')).json()).toMatchInlineSnapshot(`
      {
        "code": "VALIDATION_ERROR",
        "errors": [
          {
            "code": "too_small",
            "message": "Too small: expected string to have >=2 characters",
            "path": "/id",
          },
        ],
        "message": "Validation failed",
      }
    `)
  })

  it('leaves the document it was given unchanged, and can be applied twice', () => {
    const original = makeApp().getOpenAPI31Document({ openapi: '3.1.0', info })
    const copy = structuredClone(original)
    const once = withErrorComponents(original, { catalog: errors })
    expect(original).toEqual(copy)
    expect(withErrorComponents(once, { catalog: errors })).toEqual(once)
    expect(once.components?.responses).toEqual(openApiComponents(errors).responses)
  })

  it('refuses to overwrite a different component of the same name', () => {
    const document = {
      openapi: '3.1.0',
      info,
      components: { schemas: { NOT_FOUND: { type: 'string' } } },
    }
    expect(() =>
      withErrorComponents(document, { catalog: errors }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: The document already has a different components.schemas.NOT_FOUND; rename it or drop it before adding the error components]`,
    )
  })

  it('refuses an OpenAPI 3.0 document, whose schemas are not JSON Schema 2020-12', () => {
    expect(() => withErrorComponents({ openapi: '3.0.3', info }, { catalog: errors })).toThrow(
      'The error components are OpenAPI 3.1 (JSON Schema 2020-12); this document is 3.0.3',
    )
  })
})
