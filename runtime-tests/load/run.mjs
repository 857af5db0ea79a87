// `pnpm load`: a bounded load test of the feedback-api demo's Worker on workerd, on 127.0.0.1.
//
//   node load/run.mjs [--duration 60] [--connections 100] [--timeout 10] [--out load/RESULTS.md]
//                     [--skip too-large,webhook-fails]
//
// Runs on the machine's Node 20: started by another Node (inside this package's scripts a bare
// `node` is the Node 24 test dependency), it runs itself again with the first Node 20 on PATH.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { LIMITED_WRITES_PER_MINUTE, loadCases } from './cases.mjs'
import { app, commandOf, freePort, rssKiB, startDemo, workerdOf, wranglerVersion } from './demo.mjs'
import { fire } from './fire.mjs'
import { checkLedger, limitLedger } from './limit.mjs'
import { markdown, passed, printSummary, summarize } from './report.mjs'
import { preflight, seedState } from './setup.mjs'

const here = import.meta.dirname
const node20 = findNode20()
if (node20 !== process.execPath) {
  const { status, signal } = spawnSync(node20, [import.meta.filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  process.exit(status ?? (signal ? 1 : 0))
}

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    timeout: { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(here, 'RESULTS.md') },
    skip: { type: 'string', default: '' },
    'with-assets': { type: 'boolean', default: false },
  },
})
const duration = Number(options.duration)
const connections = Number(options.connections)
const timeout = Number(options.timeout)
const skipped = options.skip.split(',').filter(Boolean)

let demo
let hook
let instance
let stopping = false
const cleanup = async () => {
  instance?.stop()
  await demo?.stop()
  hook?.close()
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    stopping = true
    console.error(`\n${signal}: stopping wrangler and workerd`)
    await cleanup()
    process.exit(130)
  })
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(stopping ? '' : error)
  process.exitCode = 1
} finally {
  await cleanup()
}

async function main() {
  console.log(`node ${process.version} (${process.execPath})`)
  if (!existsSync(path.join(app, '../../packages/core/dist/index.js'))) {
    throw new Error('The packages are not built: run `npx pnpm@10.34.9 build` at the root first')
  }
  // The webhook case posts to this server: a 500 makes the delivery fail (402), on 127.0.0.1.
  hook = http.createServer((_, response) => {
    response.statusCode = 500
    response.end()
  })
  const hookPort = await freePort()
  await new Promise((resolve) => hook.listen(hookPort, '127.0.0.1', resolve))
  const cases = loadCases({ hookUrl: `http://127.0.0.1:${hookPort}/hook` }).filter(
    (testCase) => !skipped.includes(testCase.name),
  )

  const loadBefore = loadAverage()
  // lc_test_limited keeps its 3 writes a minute, counted by its WriteLimiter (a Durable Object,
  // fresh with the server): the ledger checks that no window granted more (limit.mjs).
  const ledger = limitLedger(LIMITED_WRITES_PER_MINUTE)
  demo = await startDemo({
    // Room for every admin write of the run: only the lc_test_limited case meets the limit.
    vars: { WRITE_RATE_LIMIT_PER_MINUTE: '1000000000' },
    withAssets: options['with-assets'],
  })
  // Miniflare runs the Worker (with its D1, and the assets router if asked) in one workerd
  const [worker, ...others] = workerdOf(demo.pid)
  if (!worker || others.length > 0)
    throw new Error(`expected one workerd, found ${[worker, ...others]}`)
  const target = demo.url
  console.log(
    `demo Worker on ${target} (workerd pid ${worker}); ${cases.length} requests in the mix`,
  )

  await seedState(target)
  const failures = await preflight(target, cases, ledger)
  if (failures.length > 0) {
    console.error('The mix does not answer as expected before any load:')
    for (const failure of failures) console.error(JSON.stringify(failure))
    return 1
  }

  const logBefore = demo.logLines()
  const memory = { worker: watch(worker) }
  const sampler = setInterval(() => {
    for (const process of Object.values(memory)) process.sample()
  }, 1000)
  console.log(`state: ${stateBefore()}`)
  console.log(
    `load: ${duration} s, ${connections} connections; Worker's workerd RSS ${memory.worker.start} KiB`,
  )
  const run = await fire({
    url: target,
    cases,
    duration,
    connections,
    timeout,
    onStart: (started) => {
      instance = started
    },
    ledger,
  })
  clearInterval(sampler)
  instance = undefined
  for (const process of Object.values(memory)) process.finish()
  if (stopping) return 130

  const serverLog = [...demo.logLines()]
    .map(([line, count]) => [line, count - (logBefore.get(line) ?? 0)])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
  const limiter = checkLedger(ledger)
  const summary = summarize({ ...run, cases, memory, serverLog, limiter })
  const load = `${loadBefore} before the run, ${loadAverage()} after`
  const meta = describeRun({ workerd: worker, load, cases, summary, target })
  if (options.out !== '-') writeFileSync(options.out, markdown({ summary, meta }))
  console.log('')
  printSummary(summary)
  for (const sample of run.samples) console.log('  e.g.', JSON.stringify(sample))
  if (options.out !== '-') console.log(`\nwritten to ${path.relative(process.cwd(), options.out)}`)
  return passed(summary) ? 0 : 1
}

function describeRun({ workerd, load, cases, summary, target }) {
  const cpus = os.cpus()
  const require = createRequire(import.meta.url)
  const wranglerRequire = createRequire(
    createRequire(path.join(app, 'package.json')).resolve('wrangler'),
  )
  const workerdVersion = /workerd-[\w-]+@([\d.]+)/.exec(commandOf(workerd))?.[1] ?? 'unknown'
  const config = readFileSync(path.join(app, 'wrangler.jsonc'), 'utf8')
  const compatibility = /"compatibility_date":\s*"([^"]+)"/.exec(config)?.[1]
  const names = [...new Set(cases.map((testCase) => testCase.name))]
  return [
    ['date', new Date().toISOString()],
    ['command', `node load/run.mjs ${process.argv.slice(2).join(' ')}`.trim()],
    [
      'machine',
      `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; load average ${load}`,
    ],
    [
      'load generator',
      `autocannon ${require('autocannon/package.json').version} on Node ${process.version}, same machine (it shares the CPUs with workerd)`,
    ],
    [
      'server',
      `wrangler ${wranglerVersion} (miniflare ${wranglerRequire('miniflare/package.json').version}, workerd ${workerdVersion}), compatibility date ${compatibility}: \`load/server.mjs\` serves the bundle \`wrangler deploy --dry-run\` builds from apps/feedback-api/wrangler.jsonc with Miniflare and the bindings wrangler derives from that file, without wrangler's dev server${options['with-assets'] ? ', with' : ' and without'} the local assets router (see README.md), on a fresh local D1 in a temporary folder`,
    ],
    ['target', `the Worker on workerd at ${target}, see README.md`],
    [
      'memory',
      'VmRSS from /proc of the workerd process (the Worker with its D1), read before the load, every second during it, and after it',
    ],
    ['duration', `${duration} s requested, ${summary.seconds} s run`],
    ['concurrency', `${connections} keep-alive connections, no pipelining, ${timeout} s timeout`],
    [
      'mix',
      `${cases.length} requests (${names.length} cases × ${cases.length / names.length} surfaces), sent in turn by every connection, each starting at its own point of the cycle: ${names.join(', ')}`,
    ],
    ['state', stateBefore()],
  ]
}

/** What holds before the run, and how the rate-limited case is judged. */
function stateBefore() {
  return `before the run the admin key has voted on post …0002 and claimed one idempotency key; lc_test_limited starts with a fresh write limiter (its Durable Object) and keeps its ${LIMITED_WRITES_PER_MINUTE} writes a minute: its create may answer 201 (tRPC 200) while its minute window has room, else 429 TOO_MANY_REQUESTS with Retry-After, and the run checks that no window granted more than ${LIMITED_WRITES_PER_MINUTE} (preflight included) and that a window refused only once it had granted ${LIMITED_WRITES_PER_MINUTE}; WRITE_RATE_LIMIT_PER_MINUTE is 1000000000 so admin writes are not limited; the webhook target is a local server that answers 500`
}

function loadAverage() {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
}

// Resident memory of one process: at the start, the peak of 1 s samples, at the end.
function watch(pid) {
  const memory = {
    start: rssKiB(pid),
    peak: rssKiB(pid),
    end: undefined,
    sample() {
      memory.peak = Math.max(memory.peak ?? 0, rssKiB(pid) ?? 0)
    },
    finish() {
      memory.end = rssKiB(pid)
      memory.sample()
    },
  }
  return memory
}

// The running Node when it is 20, else the first `node` on PATH outside node_modules.
function findNode20() {
  if (process.versions.node.startsWith('20.')) return process.execPath
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('node_modules')) continue
    const candidate = path.join(dir, 'node')
    if (!existsSync(candidate)) continue
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout?.trim()
    if (version?.startsWith('v20.')) return candidate
  }
  console.error(`no Node 20 on PATH: running on Node ${process.version}`)
  return process.execPath
}
