import { defineErrors, type ErrorDefinition } from '@faultline/core/adapter'
import { toJsonSchema, toStandardJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { schemaChecker, swaggerParserProblem } from '../test/schema-validator'
import { openApiDocument } from './document'
import { withErrorComponents } from './merge'
import { openApiComponents } from './openapi'
import { renderErrorReference } from './reference'

// A catalog entry with a schema for its `data`.
const entry = (schema: unknown) =>
  ({ status: 404, message: 'Post not found', data: schema }) as unknown as ErrorDefinition
const dataOf = (schema: unknown, options = {}) => {
  const { schemas } = openApiComponents(defineErrors({ POST_NOT_FOUND: entry(schema) }), options)
  return schemas.POST_NOT_FOUND?.properties as Record<string, unknown> & { data?: unknown }
}
const postId = {
  type: 'object',
  properties: { postId: { type: 'string' } },
  required: ['postId'],
}

describe('the JSON Schema of data', () => {
  it('comes from a zod 4 schema through the Standard JSON Schema interface', () => {
    expect(dataOf(z.object({ postId: z.string() })).data).toEqual({
      ...postId,
      additionalProperties: false,
    })
  })

  it('gives the code an example body whose data fits the schema', () => {
    const errors = defineErrors({
      POST_NOT_FOUND: entry(z.object({ postId: z.string(), votes: z.number().int() })),
    })
    const document = openApiDocument(errors, { info: { title: 'x', version: '1' } })
    const schema = document.components.schemas.POST_NOT_FOUND
    expect(schema?.examples).toEqual([
      { code: 'POST_NOT_FOUND', message: 'Post not found', data: { postId: '…', votes: 0 } },
    ])
    const [example] = (schema?.examples ?? []) as unknown[]
    expect(schemaChecker(document).check('/components/schemas/POST_NOT_FOUND', example)).toBeNull()
  })

  it('is used by withErrorComponents with the same options', () => {
    const errors = defineErrors({ POST_NOT_FOUND: entry(v.object({ postId: v.string() })) })
    const merged = withErrorComponents(
      { openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} },
      { catalog: errors, jsonSchema: toJsonSchema },
    ) as unknown as { components: { schemas: Record<string, { properties: object }> } }
    expect(merged.components.schemas.POST_NOT_FOUND?.properties).toMatchObject({ data: postId })
  })

  it('makes data required when the entry declares a schema for it', () => {
    const { schemas } = openApiComponents(
      defineErrors({ POST_NOT_FOUND: entry(z.object({ postId: z.string() })) }),
    )
    expect(schemas.POST_NOT_FOUND?.required).toEqual(['code', 'message', 'data'])
  })

  it('comes from a toJSONSchema() method when the schema has no Standard JSON Schema', () => {
    const schema = {
      '~standard': { version: 1, vendor: 'x', validate: (value: unknown) => ({ value }) },
      toJSONSchema: () => postId,
    }
    expect(dataOf(schema).data).toEqual(postId)
  })

  it('comes from valibot with the jsonSchema option, without its $schema', () => {
    const schema = v.object({ postId: v.string() })
    expect(dataOf(schema).data).toEqual({})
    expect(dataOf(schema, { jsonSchema: toJsonSchema }).data).toEqual(postId)
  })

  it("comes from valibot's toStandardJsonSchema without an option", () => {
    expect(dataOf(toStandardJsonSchema(v.object({ postId: v.string() }))).data).toEqual(postId)
  })

  it("tries the option first, then the schema's own", () => {
    const schema = z.object({ postId: z.string() })
    expect(dataOf(schema, { jsonSchema: () => ({ type: 'object' }) }).data).toEqual({
      type: 'object',
    })
    expect(dataOf(schema, { jsonSchema: () => undefined }).data).toMatchObject(postId)
  })

  it('is {} for a schema no converter can express, and for a plain Standard Schema', () => {
    expect(dataOf(z.object({ n: z.string().transform(Number) })).data).toEqual({})
    const plain = { '~standard': { version: 1, vendor: 'x', validate: () => ({ value: 1 }) } }
    expect(dataOf(plain).data).toEqual({})
  })

  it('hoists $defs and self references into components, so the refs resolve', async () => {
    const Tag = z.object({ label: z.string() }).meta({ id: 'Tag' })
    const Node: z.ZodType = z.object({
      name: z.string(),
      get children() {
        return z.array(Node)
      },
    })
    const errors = defineErrors({
      TAGGED: entry(z.object({ a: Tag, b: Tag })),
      TREE: { ...entry(Node), status: 409 } as ErrorDefinition,
    })
    const document = openApiDocument(errors, { info: { title: 'x', version: '1' } })
    const { schemas } = document.components
    expect(schemas?.TAGGED?.properties).toMatchObject({
      data: { $ref: '#/components/schemas/TAGGED.data' },
    })
    expect(schemas?.['TAGGED.data']?.properties).toEqual({
      a: { $ref: '#/components/schemas/TAGGED.data.Tag' },
      b: { $ref: '#/components/schemas/TAGGED.data.Tag' },
    })
    expect(schemas?.['TREE.data']?.properties).toMatchObject({
      children: { items: { $ref: '#/components/schemas/TREE.data' } },
    })
    expect(await swaggerParserProblem(document)).toBeUndefined()
    const checker = schemaChecker(document)
    const tree = { code: 'TREE', message: 'x', data: { name: 'a', children: [] } }
    expect(checker.check('/components/schemas/TREE', tree)).toBeNull()
    const deep = { ...tree, data: { name: 'a', children: [{ name: 'b', children: [{}] }] } }
    expect(checker.check('/components/schemas/TREE', deep)).not.toBeNull()
    const tagged = { code: 'TAGGED', message: 'x', data: { a: { label: 'l' }, b: { label: 1 } } }
    expect(checker.check('/components/schemas/TAGGED', tagged)).not.toBeNull()
  })
})

describe('the reference of a code whose data has a schema', () => {
  it('lists its fields and shows data in the example body', () => {
    const errors = defineErrors({
      POST_NOT_FOUND: entry(
        z.object({ postId: z.string().describe('The id looked up'), votes: z.number().optional() }),
      ),
    })
    const markdown = renderErrorReference(errors)
    expect(markdown).toContain(
      '- **Data:**\n  - `postId` (string): The id looked up\n  - `votes` (number, optional)',
    )
    expect(markdown).toContain('"data": {\n    "postId": "…",\n    "votes": 0\n  }')
  })

  it('points to the OpenAPI document for a schema with no fields to list', () => {
    const markdown = renderErrorReference(defineErrors({ POST_NOT_FOUND: entry(z.string()) }))
    expect(markdown).toContain('- **Data:** see its JSON Schema in the OpenAPI document')
  })
})
