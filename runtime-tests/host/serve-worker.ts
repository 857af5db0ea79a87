import { build } from 'esbuild'
import { Miniflare } from 'miniflare'

/**
 * Bundles a Worker written inline (it imports the built Faultline packages, Hono and tRPC) and
 * serves it on workerd, through Miniflare, on a free 127.0.0.1 port: the host tests' real sockets
 * against the real runtime.
 */
export async function serveWorker(
  script: string,
): Promise<{ port: number; dispose(): Promise<void> }> {
  const bundle = await build({
    stdin: { contents: script, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    conditions: ['worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  })
  const worker = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text ?? '',
    compatibilityDate: '2026-04-01',
    host: '127.0.0.1',
    port: 0,
  })
  const port = Number((await worker.ready).port)
  return { port, dispose: () => worker.dispose() }
}
