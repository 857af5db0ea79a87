import { defineConfig } from 'tsup'
import base from '../../tsup.config.base'

// Two doors: the main entry for app authors, `/adapter` for adapter authors. One shared chunk,
// so that both see one copy of the code (one ApiError class, one map of request ids).
export default defineConfig({
  ...(base as object),
  entry: ['src/index.ts', 'src/adapter.ts'],
  splitting: true,
})
