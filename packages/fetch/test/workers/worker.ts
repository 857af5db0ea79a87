import { errors } from '@faultline/test-catalog'
import { z } from 'zod'
import { methodNotAllowed, notFound, readJson, withErrors } from '../../src/index'

interface Env {
  readonly GREETING?: string
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

/** What the reporting hook saw, for the tests to read. */
export const reported: { path: string; code: string; expected: boolean }[] = []

const NewPost = z.object({ title: z.string().min(1) })

/** A Worker written the way the README shows, used as the pool's `main`. */
export default {
  fetch: withErrors(
    async (request: Request, _env: Env, _ctx: ExecutionContext) => {
      const { pathname } = new URL(request.url)
      if (pathname === '/posts') {
        if (request.method !== 'POST') throw methodNotAllowed(['POST'], { catalog: errors })
        const post = await readJson(request, NewPost, { catalog: errors })
        return Response.json(post, { status: 201 })
      }
      if (pathname === '/crash') throw new Error('D1_ERROR: no such table: posts; token=s3cret')
      if (pathname === '/moved') return Response.redirect('https://example.com/new', 301)
      throw notFound({ catalog: errors })
    },
    {
      catalog: errors,
      requestId: true,
      onError: async (_thrown, { error, expected, request }) => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        reported.push({
          path: new URL(request?.url ?? 'http://x').pathname,
          code: error.code,
          expected,
        })
      },
    },
  ),
}
