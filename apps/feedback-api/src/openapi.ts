import { type OpenApiDocument, openApiDocument } from '@faultline/docs'
import { errors } from './catalog'
import { declaredErrors as declared } from './errors-per-route'
import { MAX_PAGE_SIZE } from './service/schemas'

const json = (schema: object) => ({ content: { 'application/json': { schema } } })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
/** A write takes the API key (`Authorization: Bearer lc_…`). */
const apiKey = [{ apiKey: [] }]
const postId = {
  name: 'postId',
  in: 'path',
  required: true,
  description: 'The id of the post (a UUID).',
  schema: { type: 'string', minLength: 1, maxLength: 100 },
}
const createPostBody = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: 'string', maxLength: 5000 },
  },
  required: ['title'],
}

const info = {
  title: 'Feedback API',
  version: '1.0.0',
  description:
    'The Faultline demo: a feedback API on Cloudflare Workers + D1. Every error is a catalog code; each operation lists exactly the codes it may answer.',
}

/** The success bodies of the API, as `src/service` returns them. */
const schemas = {
  Post: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      description: { type: ['string', 'null'] },
      votes: { type: 'integer', minimum: 0 },
      createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'title', 'description', 'votes', 'createdAt'],
    additionalProperties: false,
  },
  Page: {
    type: 'object',
    properties: {
      posts: { type: 'array', items: ref('Post') },
      nextCursor: {
        type: ['string', 'null'],
        description: 'The `cursor` of the next page; `null` on the last.',
      },
    },
    required: ['posts', 'nextCursor'],
    additionalProperties: false,
  },
  Vote: {
    type: 'object',
    properties: { postId: { type: 'string' }, votes: { type: 'integer', minimum: 0 } },
    required: ['postId', 'votes'],
    additionalProperties: false,
  },
  Delivery: {
    type: 'object',
    properties: {
      delivered: { const: true },
      status: { type: 'integer', description: 'The status the endpoint answered with.' },
    },
    required: ['delivered', 'status'],
    additionalProperties: false,
  },
}

/**
 * The OpenAPI 3.1 document of the REST API (`/api/v1`), served at `/api/v1/openapi.json`: each
 * operation answers exactly the errors it declares in `src/errors-per-route.ts` (one response per
 * status, JSON and Problem Details), its success responses and request body described here.
 * Nothing is added to the declarations (`common: []`, `bodyErrors: []`): they are the whole truth.
 *
 * @example
 * ```ts
 * const document = feedbackApiDocument()
 * Object.keys(document.paths['/posts/{postId}']?.get?.responses ?? {}) // 200, 400, 404, 500
 * ```
 */
export function feedbackApiDocument(): OpenApiDocument {
  return openApiDocument(errors, {
    info,
    servers: [{ url: '/api/v1' }],
    common: [],
    bodyErrors: [],
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (`lc_…`); writes need one that is not read-only.',
        },
      },
    },
    operations: [
      {
        method: 'get',
        path: '/posts',
        operationId: 'listPosts',
        summary: 'List posts, newest first',
        errors: declared.listPosts,
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
          },
          {
            name: 'cursor',
            in: 'query',
            description: 'The `nextCursor` of the previous page.',
            schema: { type: 'string' },
          },
        ],
        responses: { 200: { description: 'A page of posts', ...json(ref('Page')) } },
      },
      {
        method: 'post',
        path: '/posts',
        operationId: 'createPost',
        summary: 'Create a post',
        errors: declared.createPost,
        security: apiKey,
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            description: 'Makes a retried create run once: the same key and body replay the 201.',
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: { required: true, ...json(createPostBody) },
        responses: {
          201: {
            description: 'The post created (or, for a repeated Idempotency-Key, the first one)',
            headers: {
              'idempotent-replayed': {
                description: '`true` when this 201 replays the first answer to the key.',
                schema: { type: 'string', const: 'true' },
              },
            },
            ...json(ref('Post')),
          },
        },
      },
      {
        method: 'get',
        path: '/posts/{postId}',
        operationId: 'getPost',
        summary: 'Get a post',
        errors: declared.getPost,
        parameters: [postId],
        responses: { 200: { description: 'The post', ...json(ref('Post')) } },
      },
      {
        method: 'post',
        path: '/posts/{postId}/votes',
        operationId: 'addVote',
        summary: 'Vote for a post',
        errors: declared.addVote,
        security: apiKey,
        parameters: [postId],
        responses: { 201: { description: 'The vote counted', ...json(ref('Vote')) } },
      },
      {
        method: 'delete',
        path: '/posts/{postId}/votes',
        operationId: 'removeVote',
        summary: 'Take back a vote',
        errors: declared.removeVote,
        security: apiKey,
        parameters: [postId],
        responses: { 204: { description: 'The vote is gone' } },
      },
      {
        method: 'post',
        path: '/webhooks/test',
        operationId: 'testWebhook',
        summary: 'Send a test event to a webhook URL',
        errors: declared.testWebhook,
        security: apiKey,
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            properties: { url: { type: 'string', format: 'uri', maxLength: 2048 } },
            required: ['url'],
          }),
        },
        responses: { 200: { description: 'The endpoint took it', ...json(ref('Delivery')) } },
      },
      {
        method: 'get',
        path: '/_demo/fail/{status}',
        operationId: 'demoFail',
        summary: 'Fail on purpose with a 5xx (the demo of server errors)',
        errors: declared.demoFail,
        parameters: [
          {
            name: 'status',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['500', '502', '503', '504'] },
          },
        ],
      },
      {
        method: 'get',
        path: '/openapi.json',
        operationId: 'openApiDocument',
        summary: 'This document',
        errors: declared.openApiDocument,
        responses: {
          200: { description: 'The OpenAPI 3.1 document', ...json({ type: 'object' }) },
        },
      },
    ],
  })
}
