#!/usr/bin/env node
// Committed (not built) so pnpm can link the bin before dist/ exists; the CLI itself is dist/cli.js.
import '../dist/cli.js'
