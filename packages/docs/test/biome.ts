import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const workspace = path.join(import.meta.dirname, '../../..')

/**
 * Formats text with the workspace's own Biome and configuration, as `biome check --write` would
 * format a file of that name committed in packages/docs.
 */
export function biomeFormat(text: string, fileName: string): string {
  const biome = createRequire(path.join(workspace, 'package.json')).resolve(
    '@biomejs/biome/bin/biome',
  )
  const result = spawnSync(
    process.execPath,
    [biome, 'format', `--stdin-file-path=packages/docs/${fileName}`],
    { cwd: workspace, input: text, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`)
  return result.stdout
}
