// Starts the feedback-api demo's Worker on workerd with its own local D1, and finds its workerd.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The demo app's folder. */
export const app = path.resolve(import.meta.dirname, '../../apps/feedback-api')

const requireFromApp = createRequire(path.join(app, 'package.json'))
const wrangler = requireFromApp.resolve('wrangler/bin/wrangler.js')

/** The versions of wrangler and miniflare the demo runs on. */
export const wranglerVersion = requireFromApp('wrangler/package.json').version

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colours in wrangler's output
const ANSI = /\x1b\[[0-9;]*m/g

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
}

/**
 * Applies the migrations to a fresh local D1 in a temporary folder and runs `sql` there (if
 * given), then serves the demo's Worker from `load/server.mjs` (Miniflare on wrangler's bundle)
 * on a free 127.0.0.1 port. `stop()` ends the whole process group (that Node process and its workerd)
 * and deletes the folder.
 */
export async function startDemo({ sql, vars, withAssets = false, node = process.execPath }) {
  const state = mkdtempSync(path.join(tmpdir(), 'feedback-api-load-'))
  const persist = path.join(state, 'd1')
  const d1 = (...args) =>
    execFileSync(node, [wrangler, 'd1', ...args, '--local', '--persist-to', persist], {
      cwd: app,
      env,
      stdio: 'pipe',
    })
  let child
  let log = ''
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      killGroup(child.pid, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    // workerd may outlive its parent for a moment
    killGroup(child?.pid, 'SIGKILL')
    rmSync(state, { recursive: true, force: true })
  }
  try {
    d1('migrations', 'apply', 'DB')
    if (sql !== undefined) {
      const file = path.join(state, 'load-setup.sql')
      writeFileSync(file, sql)
      d1('execute', 'DB', '--file', file)
    }
    const server = path.join(import.meta.dirname, 'server.mjs')
    const config = path.join(app, 'wrangler.jsonc')
    // its own process group, so that stop() reaches workerd too
    const args = [
      server,
      config,
      state,
      JSON.stringify(vars),
      ...(withAssets ? ['--with-assets'] : []),
    ]
    child = spawn(node, args, {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const keep = (chunk) => {
      log = (log + chunk).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const url = await waitFor(child, () => log)
    return {
      url,
      pid: child.pid,
      stop,
      logLines: () => countLines(path.join(state, 'worker.log')),
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * The Worker's log messages (see server.mjs) counted by their first 72 characters: the first
 * line of each message only, the rest being inspected objects and stack frames. A record of
 * `logErrors` (an object over several lines) counts as its status, code, method and path.
 */
export function countLines(file) {
  const counts = new Map()
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return counts
  }
  for (const message of text.replace(ANSI, '').split(/\n(?=\[\w+\] )/)) {
    const key = (recordKey(message) ?? message.trim().split('\n')[0]).slice(0, 72)
    if (!/^\[(error|warn|workerd)\]/.test(key) || (!counts.has(key) && counts.size >= 50)) continue
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** `[error] 500 SERVER_ERROR GET /api/v1/_demo/fail/500` for a record of `logErrors`. */
function recordKey(message) {
  const field = (name) => new RegExp(`^  ${name}: '?([^',]*)`, 'm').exec(message)?.[1]
  const [level, code, status] = [/^\[\w+\]/.exec(message)?.[0], field('code'), field('status')]
  if (!code || !status) return undefined
  const undeclared = field('undeclared') === 'true' ? ' (undeclared)' : ''
  return `${level} ${status} ${code} ${field('method')} ${field('path')}${undeclared}`
}

function killGroup(pid, signal) {
  if (!pid) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

async function waitFor(child, log) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo server exited:\n${log()}`)
    const url = /^ready (\S+)$/m.exec(log())?.[1]
    if (url) {
      try {
        if ((await fetch(`${url}/api/v1/posts`)).ok) return url
      } catch {
        // not listening yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the demo server did not answer within 60 s:\n${log()}`)
}

/** A port nobody listens on at the moment, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The pids of the `workerd` processes below `root`, with their executable's path. */
export function workerdOf(root) {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // the command name is in parentheses and may hold spaces: parse after the last ')'
      const close = stat.lastIndexOf(')')
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      const ppid = Number(stat.slice(close + 2).split(' ')[1])
      const list = children.get(ppid) ?? []
      list.push({ pid: Number(name), comm })
      children.set(ppid, list)
    } catch {
      // exited while we looked
    }
  }
  const found = []
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      if (child.comm === 'workerd') found.push(child.pid)
      walk(child.pid)
    }
  }
  walk(root)
  return found
}

/** Resident memory of a process in KiB (`VmRSS`), or undefined once it has exited. */
export function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/** The command line of a process, as a string. */
export function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}
