/** The three ways the Worker serves the API (no imports: the Node tests read it too). */
export const surfaces = ['hono', 'fetch', 'trpc'] as const
export type Surface = (typeof surfaces)[number]
