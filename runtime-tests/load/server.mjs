// Serves the demo's Worker on workerd for a load test, in its own process: the bundle wrangler
// builds for `wrangler deploy` (`--dry-run`, no account), run by Miniflare with the bindings
// wrangler derives from the same wrangler.jsonc (D1, assets, vars), on one workerd. What
// `wrangler dev` adds around it is left out on purpose (see README.md): its proxy Worker, its
// inspector, its file watcher, and the source-mapping of every logged stack trace. So is the
// local assets router in front of the Worker (the playground page; the Worker never reads
// env.ASSETS) unless `--with-assets` is given: under 100 connections it resets bursts of them.
//
//   node load/server.mjs <wrangler config> <state folder> <vars as JSON> [--with-assets]
//
// The state folder holds the local D1 (`<state>/d1`, as `wrangler d1 … --persist-to` writes it)
// and receives the bundle (`<state>/bundle`); its owner deletes it.
//
// Prints `ready <url>` once it serves; stops on SIGTERM. The Worker's logs go to
// `<state>/worker.log` as `[<level>] <message>` (workerd's own lines as `[workerd] <line>`):
// to a file, not a pipe, so that a busy reader can never stall workerd on a full pipe.
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createInterface } from 'node:readline'

const [config, state, vars, withAssets] = process.argv.slice(2)
// the demo's wrangler, and the miniflare that wrangler runs on
const app = path.resolve(import.meta.dirname, '../../apps/feedback-api')
const fromApp = createRequire(path.join(app, 'package.json'))
const wranglerBin = fromApp.resolve('wrangler/bin/wrangler.js')
const { unstable_getMiniflareWorkerOptions } = fromApp('wrangler')
const { Log, LogLevel, Miniflare } = createRequire(wranglerBin)('miniflare')

const out = path.join(state, 'bundle')
execFileSync(
  process.execPath,
  [wranglerBin, 'deploy', '--dry-run', '--config', config, '--outdir', out],
  { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
)

const log = createWriteStream(path.join(state, 'worker.log'))
const { workerOptions } = unstable_getMiniflareWorkerOptions(config)
if (withAssets !== '--with-assets') delete workerOptions.assets
const worker = new Miniflare({
  ...workerOptions,
  modules: true,
  scriptPath: path.join(out, 'index.js'),
  modulesRoot: out,
  bindings: { ...workerOptions.bindings, ...JSON.parse(vars) },
  // `wrangler d1 … --persist-to <folder>` keeps D1 under <folder>/v3/d1
  d1Persist: path.join(state, 'd1', 'v3', 'd1'),
  host: '127.0.0.1',
  port: 0,
  log: new Log(LogLevel.WARN),
  handleStructuredLogs: ({ level, message }) => {
    log.write(`[${level}] ${message}\n`)
  },
  // what workerd prints outside its structured logs (its own errors) goes out as it is
  handleRuntimeStdio: (...streams) => {
    for (const stream of streams) {
      createInterface({ input: stream }).on('line', (line) => {
        if (!line.startsWith('{')) log.write(`[workerd] ${line}\n`)
      })
    }
  },
})
console.log(`ready ${(await worker.ready).origin}`)

process.once('SIGTERM', async () => {
  await worker.dispose()
  log.end()
  process.exit(0)
})
