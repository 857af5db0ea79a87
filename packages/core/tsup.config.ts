import { defineConfig } from 'tsup'
import base from '../../tsup.config.base'

// Two doors: the main entry for app authors, `/adapter` for adapter authors; and two opt-in
// reporters, `/log` and `/otel`, that no Worker carries unless it imports them. One shared chunk,
// so that all of them see one copy of the code (one ApiError class, one map of request ids).
export default defineConfig({
  ...(base as object),
  entry: ['src/index.ts', 'src/adapter.ts', 'src/log.ts', 'src/otel.ts'],
  splitting: true,
})
