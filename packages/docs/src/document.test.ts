import {
  defaultErrors,
  defineErrors,
  handleError,
  problemDetails,
  toBody,
} from '@faultline/core/adapter'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  readmeProblems,
  schemaChecker,
  swaggerParserProblem,
  typeCheckGenerated,
  validateOpenApi,
} from '../test/schema-validator'
import { type OpenApiOperation, openApiDocument } from './document'
import type { JsonObject } from './json'

const errors = defineErrors({
  ...defaultErrors,
  UNAUTHORIZED: { ...defaultErrors.UNAUTHORIZED, headers: { 'www-authenticate': 'Bearer' } },
  POST_NOT_FOUND: {
    status: 404,
    message: 'Post not found',
    data: z.object({ postId: z.string() }),
  },
  VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
})
type Code = keyof typeof errors.definitions

const info = { title: 'Feedback API', version: '1.0.0' }
const post = { id: 'p_1', title: 'Dark mode' }
const postSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, title: { type: 'string' } },
  required: ['id', 'title'],
  additionalProperties: false,
}
const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema, examples: { post: { value: post } } } },
})
const operations: OpenApiOperation<Code>[] = [
  {
    method: 'get',
    path: '/posts/{id}',
    operationId: 'getPost',
    summary: 'A post',
    errors: ['POST_NOT_FOUND'],
    responses: { 200: json('The post', postSchema) },
  },
  {
    method: 'post',
    path: '/posts',
    operationId: 'createPost',
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'VOTE_EXISTS'],
    requestBody: { required: true, content: { 'application/json': { schema: postSchema } } },
    responses: { 201: json('The new post', postSchema) },
  },
]
const document = openApiDocument(errors, { info, operations })
const operation = (path: string, method: string) =>
  document.paths[path]?.[method] as { responses: Record<string, JsonObject> } & JsonObject
const statuses = (path: string, method: string) => Object.keys(operation(path, method).responses)
const jsonSchema = (path: string, method: string, status: number) =>
  `/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`

describe('openApiDocument', () => {
  it('is the components-only document, with paths: {}, when given no operations', async () => {
    const bare = openApiDocument(errors, { info })
    expect(Object.keys(bare)).toEqual(['openapi', 'info', 'paths', 'components'])
    // the Info Object written inline, with more than title and version
    const described = openApiDocument(errors, {
      info: { title: 'Feedback API', version: '1.0.0', description: 'Posts and votes' },
    })
    expect(described.info).toMatchObject({ description: 'Posts and votes' })
    expect(bare.paths).toEqual({})
    expect(await swaggerParserProblem(bare)).toBeUndefined()
    const { paths: _, ...pathless } = bare
    expect(await swaggerParserProblem(pathless)).toMatch(/is not a valid Openapi API definition/)
  })

  it('answers each operation with exactly its declared errors and the common ones', () => {
    expect(statuses('/posts/{id}', 'get')).toEqual(['200', '404', '429', '500', '503'])
    const notFound = operation('/posts/{id}', 'get').responses['404'] as JsonObject
    expect(notFound.content).toMatchObject({
      'application/json': { schema: { $ref: '#/components/schemas/POST_NOT_FOUND' } },
      'application/problem+json': {
        schema: {
          allOf: [{ $ref: '#/components/schemas/ProblemDetails' }],
          properties: {
            status: { type: 'integer', const: 404 },
            code: { type: 'string', const: 'POST_NOT_FOUND' },
            data: { type: 'object', properties: { postId: { type: 'string' } } },
          },
          required: ['data'],
        },
      },
    })
    const conflict = operation('/posts', 'post').responses['409'] as JsonObject
    expect(conflict.content).toMatchObject({
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/ProblemDetails' },
            {
              properties: {
                status: { type: 'integer', const: 409 },
                code: { type: 'string', enum: ['VOTE_EXISTS'] },
              },
            },
          ],
        },
      },
    })
  })

  it('adds the body errors to an operation that takes a body', () => {
    expect(statuses('/posts', 'post')).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '429',
      '500',
      '503',
    ])
    const badRequest = operation('/posts', 'post').responses['400'] as JsonObject
    expect(badRequest.content).toMatchObject({
      'application/json': {
        schema: {
          oneOf: [
            { $ref: '#/components/schemas/BAD_REQUEST' },
            { $ref: '#/components/schemas/VALIDATION_ERROR' },
          ],
          discriminator: { propertyName: 'code' },
        },
      },
    })
    expect(
      Object.keys((operation('/posts', 'post').responses['401'] as JsonObject).headers ?? {}),
    ).toMatchInlineSnapshot(`
        [
          "x-request-id",
          "www-authenticate",
        ]
      `)
  })

  it('takes other common and body errors, or none', () => {
    const custom = openApiDocument(errors, {
      info,
      operations,
      common: ['SERVER_ERROR'],
      bodyErrors: [],
    })
    const responses = custom.paths['/posts']?.post?.responses ?? {}
    expect(Object.keys(responses)).toEqual(['201', '401', '403', '409', '500'])
  })

  it('takes the declared errors as a catalog holding them', () => {
    const declared = defineErrors({ VOTE_EXISTS: errors.definitions.VOTE_EXISTS })
    const picked = openApiDocument(errors, {
      info,
      operations: [{ method: 'PUT', path: '/votes/:id', errors: declared }],
      common: [],
    })
    expect(picked.paths).toEqual({
      '/votes/{id}': {
        put: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 409: expect.objectContaining({ description: expect.any(String) }) },
        },
      },
    })
  })

  it('takes the declared errors as an object listing them as codes', () => {
    const picked = openApiDocument(errors, {
      info,
      operations: [{ method: 'get', path: '/x', errors: { codes: ['VOTE_EXISTS', 'NOT_FOUND'] } }],
      common: [],
    })
    expect(Object.keys(picked.paths['/x']?.get?.responses ?? {})).toEqual(['404', '409'])
  })

  it('declares a path parameter left out, and keeps one given', () => {
    const given = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
    const withGiven = openApiDocument(errors, {
      info,
      operations: [{ method: 'get', path: '/posts/{id}', parameters: [given] }],
    })
    expect(withGiven.paths['/posts/{id}']?.get?.parameters).toEqual([given])
    expect(operation('/posts/{id}', 'get').parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ])
  })

  it('refuses what would make a wrong document', () => {
    const make = (extra: object) => () => openApiDocument(errors, { info, ...extra } as never)
    const misspelt = [{ method: 'get', path: '/x', errors: ['POST_NOT_FUOND'] }] as const
    // @ts-expect-error: a misspelt code does not compile either
    expect(() => openApiDocument(errors, { info, operations: misspelt })).toThrow(
      'Unknown error code "POST_NOT_FUOND" in /x: it is not in the catalog',
    )
    expect(make({ operations: [operations[0], { ...operations[0], path: '/posts/:id' }] })).toThrow(
      'Two operations for GET /posts/{id}',
    )
    expect(
      make({
        operations: [{ method: 'get', path: '/x', responses: { 500: { description: 'x' } } }],
      }),
    ).toThrow('GET /x gives a 500 response its errors already answer')
    expect(make({ operations: [{ method: 'fetch', path: '/x' }] })).toThrow('Unknown method')
    expect(make({ components: { schemas: { ErrorBody: {} } } })).toThrow(
      'components.schemas.ErrorBody is an error component already',
    )
  })

  it('adds components of its own beside the error ones', () => {
    const securitySchemes = { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } }
    const secured = openApiDocument(errors, {
      info,
      operations,
      security: [{ apiKey: [] }],
      components: { securitySchemes },
    })
    expect(secured.components.securitySchemes).toEqual(securitySchemes)
    expect(secured.security).toEqual([{ apiKey: [] }])
  })

  it('is valid for two independent validators, and a broken one is not', async () => {
    expect(await readmeProblems(document)).toEqual([])
    expect(await swaggerParserProblem(document)).toBeUndefined()
    expect(await validateOpenApi(document)).toEqual({ valid: true })
    const broken = structuredClone(document) as unknown as { components: { schemas: JsonObject } }
    const { POST_NOT_FOUND: _, ...rest } = broken.components.schemas
    broken.components.schemas = rest
    expect(await readmeProblems(broken)).not.toEqual([])
    expect(await swaggerParserProblem(broken)).toMatch(/POST_NOT_FOUND/)
  })

  it('validates a body core renders against its operation, and not one with more members', () => {
    const checker = schemaChecker(document)
    const schema = jsonSchema('/posts/{id}', 'get', 404)
    const body = toBody(errors.create('POST_NOT_FOUND', { data: { postId: 'p_1' } as never }))
    expect(checker.check(schema, body)).toBeNull()
    expect(checker.check(schema, { ...body, requestId: 'req_1' })).toBeNull()
    expect(checker.check(schema, { ...body, extra: 1 })).not.toBeNull()
    expect(checker.check(schema, { ...body, data: { postId: 'p_1', extra: 1 } })).not.toBeNull()
    expect(checker.check(schema, { code: 'POST_NOT_FOUND', message: 'x' })).not.toBeNull()
    expect(checker.check(schema, toBody(errors.create('NOT_FOUND')))).not.toBeNull()
  })

  it('validates Problem Details core renders with the data of their code', async () => {
    const checker = schemaChecker(document)
    const pointer = jsonSchema('/posts/{id}', 'get', 404).replace(
      'application~1json',
      'application~1problem+json',
    )
    const request = new Request('https://api.example/posts/p_1', {
      headers: { accept: 'application/problem+json' },
    })
    const error = errors.create('POST_NOT_FOUND', { data: { postId: 'p_1' } as never })
    const problem = await handleError(error, { request, problemDetails }).json()
    expect(checker.check(pointer, problem)).toBeNull()
    expect(checker.check(pointer, { ...problem, data: { postId: 1 } })).not.toBeNull()
    expect(checker.check(pointer, { ...problem, data: undefined })).not.toBeNull()
  })

  it('validates Problem Details core renders against its operation', async () => {
    const checker = schemaChecker(document)
    const pointer = jsonSchema('/posts', 'post', 409).replace(
      'application~1json',
      'application~1problem+json',
    )
    const request = new Request('https://api.example/posts', {
      headers: { accept: 'application/problem+json' },
    })
    const response = handleError(errors.create('VOTE_EXISTS'), { request, problemDetails })
    const problem = await response.json()
    expect(checker.check(pointer, problem)).toBeNull()
    expect(checker.check(pointer, { ...problem, extra: 1 })).not.toBeNull()
    expect(checker.check(pointer, { ...problem, code: 'CONFLICT' })).not.toBeNull()
  })

  it('gives openapi-typescript types that narrow each operation to its errors', async () => {
    const usage = `import type { paths } from './api'
type NotFound = paths['/posts/{id}']['get']['responses'][404]['content']['application/json']
export const ok: NotFound = { code: 'POST_NOT_FOUND', message: 'x', data: { postId: 'p_1' } }
// @ts-expect-error: NOT_FOUND is not an error of this operation
export const undeclared: NotFound = { code: 'NOT_FOUND', message: 'x' }
// @ts-expect-error: the schema is closed
export const extra: NotFound = { code: 'POST_NOT_FOUND', message: 'x', data: { postId: 'p' }, x: 1 }
// @ts-expect-error: data is required where declared
export const noData: NotFound = { code: 'POST_NOT_FOUND', message: 'x' }
type NotFoundProblem = paths['/posts/{id}']['get']['responses'][404]['content']['application/problem+json']
export const postId = (problem: NotFoundProblem): string => problem.data.postId
type Created = paths['/posts']['post']['responses']
export const conflict: Created[409]['content']['application/json']['code'] = 'VOTE_EXISTS'
export const invalid: Created[400]['content']['application/json']['code'] = 'VALIDATION_ERROR'
// @ts-expect-error: 404 is not a response of POST /posts
export type Missing = Created[404]
`
    expect(await typeCheckGenerated(document, usage)).toBe('')
    const failing = `${usage}\nexport const wrong: NotFound['code'] = 'VOTE_EXISTS'\n`
    expect(await typeCheckGenerated(document, failing)).toMatch(/error TS2322/)
  }, 60_000)
})
