// Serves the demo the way `wrangler dev` does, in its own process, with two changes for a load
// test: no file watcher (a rebuild of the packages by anyone cannot reload the Worker mid-run)
// and no inspector (wrangler's inspector proxy opens a socket per request and never closes it).
//
//   node load/server.mjs <wrangler config> <D1 folder> <vars as JSON>
//
// Prints `ready <url>` once it serves; stops on SIGTERM.
import { createRequire } from 'node:module'
import path from 'node:path'

const [config, persist, vars] = process.argv.slice(2)
// the demo's wrangler
const app = path.resolve(import.meta.dirname, '../../apps/feedback-api')
const { unstable_startWorker } = createRequire(path.join(app, 'package.json'))('wrangler')

const bindings = Object.fromEntries(
  Object.entries(JSON.parse(vars)).map(([name, value]) => [
    name,
    { type: 'plain_text', value: String(value) },
  ]),
)
const worker = await unstable_startWorker({
  config,
  bindings,
  sendMetrics: false,
  dev: {
    remote: false,
    inspector: false,
    watch: false,
    persist,
    logLevel: 'warn',
    server: { hostname: '127.0.0.1', port: 0 },
  },
})
console.log(`ready ${(await worker.url).origin}`)

process.once('SIGTERM', async () => {
  await worker.dispose()
  process.exit(0)
})
