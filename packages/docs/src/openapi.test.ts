import {
  type ApiError,
  type Catalog,
  defaultErrors,
  defineErrors,
  fields,
  handleError,
  problemDetails,
  validationError,
} from '@faultline/core/adapter'
import { describe, expect, it } from 'vitest'
import { schemaChecker, validateOpenApi } from '../test/schema-validator'
import { errorResponses, openApiComponents } from './openapi'

const errors = defineErrors(
  {
    ...defaultErrors,
    UNAUTHORIZED: { ...defaultErrors.UNAUTHORIZED, headers: { 'www-authenticate': 'Bearer' } },
    POST_NOT_FOUND: {
      status: 404,
      message: 'Post not found',
      description: 'No post has this id.',
      data: fields<{ postId: string }>({ postId: 'The id that was looked up' }),
    },
    VOTE_EXISTS: { status: 409, message: 'User has already voted on this post' },
  },
  { referenceUrl: 'https://api.example.com/docs/errors' },
)

const wrap = (catalog: Catalog = errors) => ({
  openapi: '3.1.0',
  info: { title: 'Errors', version: '1.0.0' },
  components: openApiComponents(catalog),
})

const jsonSchemaOf = (status: number) =>
  `/components/responses/Error${status}/content/application~1json/schema`
const problemSchemaOf = (status: number) =>
  `/components/responses/Error${status}/content/application~1problem+json/schema`

describe('openApiComponents', () => {
  it('is a valid OpenAPI 3.1 document once wrapped in a minimal one', async () => {
    expect(await validateOpenApi(wrap())).toEqual({ valid: true })
    expect(await validateOpenApi(wrap(defineErrors(defaultErrors)))).toEqual({ valid: true })
  })

  it('is caught by the validator when broken, so the check above can fail', async () => {
    const document = wrap() as { components: { responses: Record<string, object> } }
    const broken = structuredClone(document)
    broken.components.responses.Error404 = { content: {} }
    expect((await validateOpenApi(broken)).valid).toBe(false)
    const dangling = structuredClone(document)
    dangling.components.responses.Error404 = { $ref: '#/components/responses/Error999' }
    expect((await validateOpenApi(dangling)).valid).toBe(false)
  })

  it('writes every schema as valid JSON Schema 2020-12', () => {
    const checker = schemaChecker(wrap())
    for (const schema of Object.values(openApiComponents(errors).schemas)) {
      expect(checker.isValidSchema(schema)).toBe(true)
    }
  })

  it('gives each code a schema with its code as a const and only the members it carries', () => {
    const { schemas } = openApiComponents(errors)
    expect(schemas.POST_NOT_FOUND).toMatchInlineSnapshot(`
      {
        "additionalProperties": false,
        "description": "404 Not Found: No post has this id.",
        "examples": [
          {
            "code": "POST_NOT_FOUND",
            "data": {
              "postId": "…",
            },
            "docUrl": "https://api.example.com/docs/errors#post_not_found",
            "message": "Post not found",
          },
        ],
        "properties": {
          "code": {
            "const": "POST_NOT_FOUND",
            "type": "string",
          },
          "data": {
            "properties": {
              "postId": {
                "description": "The id that was looked up",
              },
            },
            "type": "object",
          },
          "docUrl": {
            "const": "https://api.example.com/docs/errors#post_not_found",
            "format": "uri",
            "type": "string",
          },
          "message": {
            "description": "A human-readable message; the default is the example.",
            "examples": [
              "Post not found",
            ],
            "type": "string",
          },
          "requestId": {
            "description": "The id of the request, also sent as the \`x-request-id\` header.",
            "type": "string",
          },
        },
        "required": [
          "code",
          "message",
          "data",
        ],
        "title": "POST_NOT_FOUND",
        "type": "object",
      }
    `)
    // not required: `errors.create('VALIDATION_ERROR')` without issues sends none
    expect(schemas.VALIDATION_ERROR?.required).toEqual(['code', 'message'])
    expect(Object.keys(schemas.VALIDATION_ERROR?.properties ?? {})).toContain('errors')
    expect(Object.keys(schemas.SERVER_ERROR?.properties ?? {})).toEqual([
      'code',
      'message',
      'docUrl',
      'requestId',
    ])
  })

  it('answers each status with oneOf its codes, discriminated on code, and Problem Details', () => {
    const { responses } = openApiComponents(errors)
    expect(Object.keys(responses)).toEqual([
      'Error400',
      'Error401',
      'Error402',
      'Error403',
      'Error404',
      'Error405',
      'Error409',
      'Error413',
      'Error415',
      'Error422',
      'Error429',
      'Error500',
      'Error502',
      'Error503',
      'Error504',
    ])
    expect(responses.Error404).toMatchInlineSnapshot(`
      {
        "content": {
          "application/json": {
            "schema": {
              "discriminator": {
                "mapping": {
                  "NOT_FOUND": "#/components/schemas/NOT_FOUND",
                  "POST_NOT_FOUND": "#/components/schemas/POST_NOT_FOUND",
                },
                "propertyName": "code",
              },
              "oneOf": [
                {
                  "$ref": "#/components/schemas/NOT_FOUND",
                },
                {
                  "$ref": "#/components/schemas/POST_NOT_FOUND",
                },
              ],
            },
          },
          "application/problem+json": {
            "schema": {
              "oneOf": [
                {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ProblemDetails",
                    },
                  ],
                  "properties": {
                    "code": {
                      "const": "NOT_FOUND",
                      "type": "string",
                    },
                    "status": {
                      "const": 404,
                      "type": "integer",
                    },
                  },
                },
                {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ProblemDetails",
                    },
                  ],
                  "properties": {
                    "code": {
                      "const": "POST_NOT_FOUND",
                      "type": "string",
                    },
                    "data": {
                      "properties": {
                        "postId": {
                          "description": "The id that was looked up",
                        },
                      },
                      "type": "object",
                    },
                    "status": {
                      "const": 404,
                      "type": "integer",
                    },
                  },
                  "required": [
                    "data",
                  ],
                },
              ],
            },
          },
        },
        "description": "404 Not Found: The requested resource doesn't exist. Codes: \`NOT_FOUND\`, \`POST_NOT_FOUND\`.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId",
          },
        },
      }
    `)
  })

  it('declares Retry-After on 429 and 503 only, and the headers a code always sends', () => {
    const { responses, headers } = openApiComponents(errors)
    const names = (status: number) =>
      Object.keys((responses[`Error${status}`]?.headers ?? {}) as object)
    expect(names(429)).toEqual(['x-request-id', 'Retry-After'])
    expect(names(503)).toEqual(['x-request-id', 'Retry-After'])
    expect(names(502)).toEqual(['x-request-id'])
    expect(names(401)).toEqual(['x-request-id', 'www-authenticate'])
    expect(Object.keys(headers)).toEqual(['RequestId', 'RetryAfter'])
  })

  it('describes the bodies the server really sends, and no others', async () => {
    const checker = schemaChecker(wrap())
    const request = (accept: string) =>
      new Request('https://api.example.com/v1/posts/7', { headers: { accept } })
    const sent: ApiError[] = Object.keys(errors.definitions).map((code) =>
      code === 'POST_NOT_FOUND'
        ? errors.create(code, { data: { postId: '7' }, message: 'No post 7' })
        : errors.create(code as 'NOT_FOUND', { message: 'db password is hunter2' }),
    )
    sent.push(
      validationError([{ message: 'Required', path: ['title'] }], { input: {}, catalog: errors }),
    )
    for (const error of sent) {
      for (const [accept, pointer] of [
        ['application/json', jsonSchemaOf],
        ['application/problem+json', problemSchemaOf],
      ] as const) {
        const response = handleError(error, {
          request: request(accept),
          requestId: 'req_1',
          problemDetails,
        })
        expect(response.status).toBe(error.status)
        expect(checker.check(pointer(error.status), await response.json())).toBeNull()
      }
    }
    expect(checker.check(jsonSchemaOf(409), { code: 'NOT_FOUND', message: 'x' })).not.toBeNull()
    expect(
      checker.check(jsonSchemaOf(400), { code: 'VALIDATION_ERROR', message: 'x', errors: [{}] }),
    ).not.toBeNull()
    expect(
      checker.check(problemSchemaOf(404), {
        type: 'about:blank',
        title: 'x',
        status: 409,
        detail: 'x',
        code: 'NOT_FOUND',
      }),
    ).not.toBeNull()
  })

  it('refuses a code whose schema name is taken', () => {
    expect(() =>
      openApiComponents(defineErrors({ ErrorBody: { status: 400, message: 'x' } })),
    ).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: Error code "ErrorBody" needs the schema name "ErrorBody", already taken]`,
    )
    const { schemas } = openApiComponents(
      defineErrors({ 'auth/expired': { status: 401, message: 'x' } }),
    )
    expect(Object.keys(schemas)).toContain('auth_expired')
  })
})

describe('errorResponses', () => {
  it('refers to the response of each code’s status, with statuses from the catalog', () => {
    expect(
      errorResponses(errors, {
        codes: ['VOTE_EXISTS', 'UNAUTHORIZED', 'POST_NOT_FOUND', 'NOT_FOUND'],
      }),
    ).toMatchInlineSnapshot(`
      {
        "401": {
          "$ref": "#/components/responses/Error401",
        },
        "404": {
          "$ref": "#/components/responses/Error404",
        },
        "409": {
          "$ref": "#/components/responses/Error409",
        },
      }
    `)
    expect(Object.keys(errorResponses(errors))).toHaveLength(15)
  })

  it('rejects a code the catalog does not have', () => {
    // @ts-expect-error: a misspelt code does not compile either
    expect(() => errorResponses(errors, { codes: ['POST_NOT_FUOND'] })).toThrow(
      'Unknown error code "POST_NOT_FUOND": it is not in the catalog',
    )
  })
})
