import type { ErrorContext } from '@faultline/core'
import { Hono } from 'hono'
import { errorHandler } from '../../src/index'
import { createApp } from '../app'

/** What the reporting hook saw, for the tests that share this isolate. */
export const reports: { thrown: unknown; context: ErrorContext }[] = []

const app = createApp(async (thrown, context) => {
  await new Promise((resolve) => setTimeout(resolve, 5))
  reports.push({ thrown, context })
})

// The same kind of app without errorBoundary, to show what it is for.
const bare = new Hono().basePath('/bare')
bare.onError(errorHandler())
bare.get('/string', () => {
  throw 'boom'
})

export default {
  fetch(request: Request, env: object, ctx: Parameters<typeof app.fetch>[2]) {
    const { pathname } = new URL(request.url)
    return pathname.startsWith('/bare/')
      ? bare.fetch(request, env, ctx)
      : app.fetch(request, env, ctx)
  },
}
