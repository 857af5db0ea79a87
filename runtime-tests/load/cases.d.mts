// Types for the parts of cases.mjs the TypeScript tests use.

/** The seeded post every read can find. */
export const POST_ID: string
