import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const app = path.resolve(import.meta.dirname, '../..')
const wrangler = createRequire(path.join(app, '../../package.json')).resolve(
  'wrangler/bin/wrangler.js',
)
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_COLOR: '1',
}

/** A running demo: `wrangler dev` on a free port with its own local D1. */
export interface Demo {
  readonly url: string
  /** Everything `wrangler dev` wrote so far (stdout and stderr). */
  log(): string
  stop(): Promise<void>
}

/**
 * Starts the demo the way `pnpm demo` does (build the page, apply the migrations, `wrangler
 * dev`), on a free 127.0.0.1 port and with its D1 state in a fresh temporary folder.
 */
export async function startDemo(): Promise<Demo> {
  const state = mkdtempSync(path.join(tmpdir(), 'feedback-api-state-'))
  const port = await freePort()
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: app, env })
  execFileSync(
    process.execPath,
    [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state],
    { cwd: app, env, stdio: 'pipe' },
  )
  const child = spawn(
    process.execPath,
    [wrangler, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state],
    { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(url, child, () => log)
  } catch (error) {
    await stop(child)
    rmSync(state, { recursive: true, force: true })
    throw error
  }
  return {
    url,
    log: () => log,
    async stop() {
      await stop(child)
      rmSync(state, { recursive: true, force: true })
    },
  }
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log()}`)
    try {
      if ((await fetch(`${url}/api/v1/posts`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`wrangler dev did not answer within 60 s:\n${log()}`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
