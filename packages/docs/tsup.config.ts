import { defineConfig, type Options } from 'tsup'
import base from '../../tsup.config.base'

// The CLI is a second entry; tsup keeps its `#!/usr/bin/env node` line and makes it executable.
export default defineConfig({ ...(base as Options), entry: ['src/index.ts', 'src/cli.ts'] })
