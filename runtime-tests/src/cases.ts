import type { Case } from './case'
import { httpCases } from './cases-http'
import { trpcCases } from './cases-trpc'

export type { Case, CaseRequest } from './case'

/** Every conformance case, the same on every runtime. */
export const cases: readonly Case[] = [...httpCases('fetch'), ...httpCases('hono'), ...trpcCases()]
