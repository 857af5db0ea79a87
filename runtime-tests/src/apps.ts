import { fetchApp } from './app-fetch'
import { honoApp } from './app-hono'
import { trpcApp } from './app-trpc'

/** The three adapters under test, each serving the conformance routes from one catalog. */
export const apps = {
  fetch: fetchApp,
  hono: honoApp,
  trpc: trpcApp,
} satisfies Record<string, (request: Request) => Promise<Response>>

/** The name of an adapter app. */
export type AppName = keyof typeof apps
