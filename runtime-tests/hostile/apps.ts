import { defaultErrors, defineErrors, type ErrorReporter, problemDetails } from '@faultline/core'
import { notFound, readJson, withErrors } from '@faultline/fetch'
import { errorBoundary, errorHandler, notFoundHandler, validator } from '@faultline/hono'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { z } from 'zod'

/** The body limit every app is given: 1 MiB. */
export const LIMIT = 1024 * 1024

export const catalog = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

/** What a route accepts: unknown keys are dropped. */
export const Post = z.object({
  title: z.string().min(1).max(200),
  tags: z.array(z.string().max(20)).max(10).optional(),
})

/** The same with unknown keys refused, as strict APIs do. */
export const StrictPost = z.strictObject({ title: z.string().min(1).max(200) })

/** A schema whose fields are all optional: `{}` passes. */
export const Patch = z.object({ title: z.string().min(1).max(200).optional() })

/** What the apps saw: the parsed values handed to routes, and what onError was told. */
export const seen = { values: [] as unknown[], reports: [] as unknown[] }

const onError: ErrorReporter = (thrown) => {
  seen.reports.push(thrown)
}

// Routes answer without repeating the input, so that any echo comes from the error path.
const accepted = (value: unknown) => {
  seen.values.push(value)
  return Response.json({ ok: true }, { status: 201 })
}

/**
 * The Fetch app: `POST /posts` (zod object), `POST /strict` (zod strictObject), `POST /patch`
 * (only optional fields), `POST /raw` (no schema), each through `readJson` with the 1 MiB limit;
 * anything else is 404.
 */
export const fetchApp = withErrors(
  async (request: Request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'POST' && pathname === '/posts') {
      return accepted(await readJson(request, Post, { catalog, limit: LIMIT }))
    }
    if (request.method === 'POST' && pathname === '/strict') {
      return accepted(await readJson(request, StrictPost, { catalog, limit: LIMIT }))
    }
    if (request.method === 'POST' && pathname === '/patch') {
      return accepted(await readJson(request, Patch, { catalog, limit: LIMIT }))
    }
    if (request.method === 'POST' && pathname === '/raw') {
      return accepted(await readJson(request, { catalog, limit: LIMIT }))
    }
    throw notFound({ catalog })
  },
  { catalog, onError, problemDetails, requestId: true },
)

/**
 * The Hono app, as the adapter's README sets it up: `POST /posts`, `/strict` and `/patch` with the
 * adapter's `validator('json', …)` (core's reader, its 1 MiB limit), and `POST /raw` with a bare
 * `c.req.json()`.
 */
export function honoApp(options: { honoRequestId?: boolean } = {}) {
  const shared = { catalog, onError, problemDetails, requestId: true }
  const app = new Hono()
  app.use(errorBoundary(shared))
  if (options.honoRequestId) app.use(requestId())
  app.onError(errorHandler(shared))
  app.notFound(notFoundHandler({ ...shared, app }))
  app.post('/posts', validator('json', Post, { catalog }), (c) => accepted(c.req.valid('json')))
  app.post('/strict', validator('json', StrictPost, { catalog }), (c) =>
    accepted(c.req.valid('json')),
  )
  app.post('/patch', validator('json', Patch, { catalog }), (c) => accepted(c.req.valid('json')))
  app.post('/raw', async (c) => accepted(await c.req.json()))
  return app
}
