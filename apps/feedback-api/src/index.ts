import { notFound, withErrors } from '@faultline/fetch'
import { errors } from './catalog'
import { deleteExpiredIdempotencyKeys } from './service/posts'
import { fetchApi } from './surfaces/fetch'
import { restApp } from './surfaces/hono'
import { errorOptions } from './surfaces/shared'
import { trpcApi } from './surfaces/trpc'

export { WriteLimiter } from './service/write-limiter'
export type { AppRouter } from './surfaces/trpc'

const under = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`)

/** Any path outside the three surfaces: the catalog 404, as each surface answers its own. */
const elsewhere = withErrors(() => {
  throw notFound({ catalog: errors })
}, errorOptions)

/**
 * The Worker: one service and one catalog served three ways, each surface with its own one
 * error layer. The playground page and its script are static assets (`public/`), answered
 * before the Worker runs.
 */
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url)
    if (under(pathname, '/api/v1')) return restApp.fetch(request, env, ctx)
    if (under(pathname, '/fetch/v1')) return fetchApi(request, env, ctx)
    if (under(pathname, '/trpc')) return trpcApi(request, env, ctx)
    return elsewhere(request)
  },
  /** The hourly cron (wrangler.jsonc): idempotency records older than 24 hours go. */
  async scheduled(_: ScheduledController, env: Env) {
    await deleteExpiredIdempotencyKeys(env.DB)
  },
} satisfies ExportedHandler<Env>
