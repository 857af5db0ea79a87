import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { declaredErrors } from '../src/errors-per-route'
import { feedbackApiDocument } from '../src/openapi'

type Schema = { $ref?: string; oneOf?: Schema[]; additionalProperties?: unknown }
type Responses = Record<string, { content?: Record<string, { schema: Schema }> }>
type Document = {
  openapi: string
  paths: Record<string, Record<string, { operationId: string; responses: Responses }>>
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> }
}

const served = async () => {
  const response = await exports.default.fetch('http://localhost/api/v1/openapi.json')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return (await response.json()) as Document
}

/** The codes an error response lists: its JSON schema's `$ref`, or the `$ref`s of its `oneOf`. */
const codesOf = (response: Responses[string]) => {
  const schema = response.content?.['application/json']?.schema ?? {}
  return (schema.oneOf ?? [schema]).map((one) => one.$ref?.replace('#/components/schemas/', ''))
}
const errorStatuses = (responses: Responses) =>
  Object.keys(responses).filter((status) => Number(status) >= 400)

describe('GET /api/v1/openapi.json', () => {
  it('serves the document made from the declarations', async () => {
    const document = await served()
    expect(document.openapi).toBe('3.1.0')
    expect(document).toEqual(JSON.parse(JSON.stringify(feedbackApiDocument())))
    expect(document.components.securitySchemes).toHaveProperty('apiKey')
  })

  it('gives each operation exactly the errors it declares', async () => {
    const document = await served()
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item))
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      Object.keys(declaredErrors).sort(),
    )
    for (const operation of operations) {
      const declared = declaredErrors[operation.operationId as keyof typeof declaredErrors]
      const listed = errorStatuses(operation.responses).flatMap((status) =>
        codesOf(operation.responses[status] ?? {}),
      )
      expect(listed.sort(), operation.operationId).toEqual([...declared.codes].sort())
    }
  })

  it('lists 400, 401, 403, 409, 413, 415, 429 and 500 for POST /posts', async () => {
    const { responses } = (await served()).paths['/posts']?.post ?? { responses: {} as Responses }
    expect(Object.keys(responses)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '429',
      '500',
    ])
    expect(codesOf(responses['409'] ?? {})).toEqual(['IDEMPOTENCY_KEY_REUSED'])
    expect(codesOf(responses['400'] ?? {}).sort()).toEqual(['BAD_REQUEST', 'VALIDATION_ERROR'])
  })

  it("lists GET /posts/{postId}'s 404 POST_NOT_FOUND, and no other 404", async () => {
    const { responses } = (await served()).paths['/posts/{postId}']?.get ?? {
      responses: {} as Responses,
    }
    expect(Object.keys(responses)).toEqual(['200', '400', '404', '500'])
    expect(codesOf(responses['404'] ?? {})).toEqual(['POST_NOT_FOUND'])
  })

  it('closes every schema an error response uses, $refs followed', async () => {
    const document = await served()
    const seen = new Set<string>()
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item)
        return
      }
      if (!node || typeof node !== 'object') return
      const { $ref } = node as Schema
      if ($ref?.startsWith('#/components/schemas/') && !seen.has($ref)) {
        seen.add($ref)
        visit(document.components.schemas[$ref.slice('#/components/schemas/'.length)])
      }
      for (const value of Object.values(node)) visit(value)
    }
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        for (const status of errorStatuses(operation.responses)) {
          visit(operation.responses[status]?.content)
        }
      }
    }
    // every code the operations declare, the Problem Details and the validation issues
    const declared = new Set(Object.values(declaredErrors).flatMap((one) => one.codes))
    expect([...seen].sort()).toEqual(
      [...declared, 'ProblemDetails', 'ValidationIssue']
        .map((name) => `#/components/schemas/${name}`)
        .sort(),
    )
    for (const ref of seen) {
      const schema = document.components.schemas[ref.slice('#/components/schemas/'.length)]
      expect(schema?.additionalProperties, ref).toBe(false)
    }
  })
})
