import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from './main'

const root = path.join(import.meta.dirname, '..')

describe('examples/default-errors.md', () => {
  it("is the current reference of the core's default catalog", async () => {
    let stderr = ''
    const argv = ['docs', 'examples/default-catalog.ts', '--title', 'Default errors']
    const io = {
      cwd: root,
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text
      },
    }
    const code = await main([...argv, '--out', 'examples/default-errors.md', '--check'], io)
    // Regenerate with `pnpm run docs:example` after building (or the same command via tsx/esbuild).
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  })
})
