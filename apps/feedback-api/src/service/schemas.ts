// zod/mini: the same zod 4 and the same Standard Schema, with functions instead of methods so a
// bundler keeps only what is used: the Worker went from 1,010 KiB to 301 KiB (see the README).

import { en } from 'zod/locales'
import * as z from 'zod/mini'
import { decodeCursor } from './cursor'

// zod/mini ships no messages; the English ones are what every surface answered before.
z.config(en())

// A lone surrogate: JSON can carry one, but it cannot be stored as UTF-8 and read back.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Text that D1 stores and gives back exactly as it was answered: no NUL (SQLite's `length()`
 * stops at one, so the table's CHECK failed as a 500) and no lone surrogate (stored as U+FFFD).
 */
const storable = [
  z.refine<string>((text) => !text.includes('\u0000'), 'Must not contain a NUL character'),
  z.refine<string>((text) => !LONE_SURROGATE.test(text), 'Must be well-formed Unicode text'),
] as const

/**
 * The body of `POST /posts` (Standard Schema, so every surface validates it the same way and
 * reports the same `errors[]`).
 */
export const createPostInput = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), ...storable),
  description: z.optional(z.string().check(z.maxLength(5000), ...storable)),
})

/** A validated new post. */
export type CreatePostInput = z.output<typeof createPostInput>

/** `Idempotency-Key` as a header (REST) or an input field (tRPC). */
export const idempotencyKey = z.string().check(z.minLength(1), z.maxLength(255))

/** The input of the `post.create` procedure: the REST body plus the idempotency key. */
export const createPostProcedureInput = z.extend(createPostInput, {
  idempotencyKey: z.optional(idempotencyKey),
})

/** A post id, as a path parameter or procedure input. */
export const postIdInput = z.object({ postId: z.string().check(z.minLength(1), z.maxLength(100)) })

/** The body of `POST /webhooks/test`: an absolute http(s) URL. */
export const webhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
})

/** A validated webhook target. */
export type WebhookInput = z.output<typeof webhookInput>

/** The upstream failures `GET /_demo/fail/:status` and `demo.fail` simulate. */
export const demoStatuses = [500, 502, 503, 504] as const

/** One of {@link demoStatuses}. */
export type DemoStatus = (typeof demoStatuses)[number]

/** The input of the `demo.fail` procedure. */
export const demoFailInput = z.object({
  status: z.literal(demoStatuses),
})

/** The most posts one page holds, and the page size when none is asked for. */
export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20

// A query string carries its numbers as text: "20" reads as 20 (REST), a number stays one (tRPC).
const numeric = (value: unknown) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value

/**
 * The paging of `GET /posts` (its query) and `post.list` (its input): `limit` posts, 1 to
 * {@link MAX_PAGE_SIZE}, after `cursor`, the `nextCursor` of the page before.
 */
export const listPostsInput = z.object({
  limit: z.optional(
    z.pipe(z.transform(numeric), z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
  ),
  cursor: z.optional(
    z
      .string()
      .check(
        z.refine((text) => decodeCursor(text) !== undefined, 'Must be the nextCursor of a page'),
      ),
  ),
})

/** The input of the `post.list` procedure: the paging, or none for the first page. */
export const listPostsProcedureInput = z.optional(listPostsInput)

/** A validated page request. */
export type ListPostsInput = z.output<typeof listPostsInput>
