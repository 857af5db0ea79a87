import { type Catalog, docUrlOf, type ErrorDefinition } from '@faultline/core/adapter'
import { descriptionOf, exampleBody, VALIDATION_CODE } from './examples'
import { type JsonObject, ref, toJson } from './json'
import { statusText } from './statuses'

/** The names of the schemas every set of components holds, besides one per code. */
export const SHARED_SCHEMAS = ['ValidationIssue', 'ErrorBody', 'ProblemDetails'] as const

const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/

/** The schema name of a code: the code itself, with characters OpenAPI refuses made `_`. */
export function schemaName(code: string): string {
  return COMPONENT_NAME.test(code) ? code : code.replace(/[^A-Za-z0-9._-]/g, '_')
}

const issues: JsonObject = {
  type: 'array',
  description: 'One entry per problem with the request input.',
  items: ref('schemas', 'ValidationIssue'),
}
const requestId: JsonObject = {
  type: 'string',
  description: 'The id of the request, also sent as the `x-request-id` header.',
}

/** `ValidationIssue`, `ErrorBody` and `ProblemDetails`: the shapes every code shares. */
export function sharedSchemas(): Record<(typeof SHARED_SCHEMAS)[number], JsonObject> {
  return {
    ValidationIssue: {
      type: 'object',
      description: 'One problem with the request input. The input value itself is never echoed.',
      required: ['code', 'message', 'path'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: "The validator's code for the problem." },
        message: { type: 'string' },
        path: {
          type: 'string',
          description: 'A JSON Pointer (RFC 6901) into the request input: `/title`, `/tags/0`.',
        },
      },
      examples: [{ code: 'too_small', message: 'Too small', path: '/title' }],
    },
    ErrorBody: {
      type: 'object',
      description:
        'The JSON body of every error: `code` and `message`, other members when they apply.',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: 'A short, stable, machine-readable string.' },
        message: { type: 'string', description: 'A human-readable message.' },
        errors: issues,
        data: { description: 'Structured details, for the codes that declare them.' },
        docUrl: {
          type: 'string',
          format: 'uri',
          description: "The code's section of the error reference.",
        },
        requestId,
      },
    },
    ProblemDetails: {
      type: 'object',
      description:
        'The error as RFC 9457 Problem Details, sent when `Accept` prefers `application/problem+json`.',
      required: ['type', 'title', 'status', 'detail', 'code'],
      additionalProperties: false,
      properties: {
        type: {
          type: 'string',
          format: 'uri-reference',
          description: "The code's section of the error reference, or `about:blank`.",
        },
        title: {
          type: 'string',
          description:
            "For `about:blank` the status phrase (`Not Found`), else the code's default message.",
        },
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { type: 'string', description: 'The message, as in the JSON body.' },
        instance: { type: 'string', format: 'uri-reference', description: 'The request path.' },
        code: { type: 'string' },
        errors: issues,
        data: { description: 'Structured details, for the codes that declare them.' },
        requestId,
      },
    },
  }
}

/**
 * The schema of one code's JSON body: `code` as a `const`, only the members it can carry
 * (closed: `additionalProperties: false`), and `data`, required, when the entry declares it.
 */
export function codeSchema(
  catalog: Catalog,
  code: string,
  entry: ErrorDefinition,
  data?: JsonObject,
  dataExample?: unknown,
): JsonObject {
  const properties: Record<string, JsonObject> = {
    code: { type: 'string', const: code },
    message: {
      type: 'string',
      description:
        entry.status >= 500 && !entry.expose
          ? 'Always the default message: server errors are redacted.'
          : 'A human-readable message; the default is the example.',
      examples: [entry.message],
    },
  }
  if (code === VALIDATION_CODE) properties.errors = issues
  if (data) properties.data = data
  const link = docUrlOf(catalog, code)
  if (link !== undefined) {
    properties.docUrl = { type: 'string', format: 'uri', const: link }
  }
  properties.requestId = requestId
  return {
    title: code,
    description: `${entry.status} ${statusText(entry.status)}: ${descriptionOf(code, entry) ?? entry.message}`,
    type: 'object',
    required: data ? ['code', 'message', 'data'] : ['code', 'message'],
    additionalProperties: false,
    properties,
    examples: [toJson(exampleBody(catalog, code, dataExample))],
  }
}
