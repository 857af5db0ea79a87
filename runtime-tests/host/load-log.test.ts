import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { countLines } from '../load/demo.mjs'

// The load report's "Server log" table: what server.mjs writes, counted as the report shows it.
const folder = mkdtempSync(path.join(tmpdir(), 'faultline-load-log-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const record = (level: string, status: number, code: string, url: string, extra = '') =>
  `[${level}] {
  level: '${level}',
  message: 'Something failed',
  headers: {
    code: 'NOT_THE_CODE',
  },
  code: '${code}',
  status: ${status},
  requestId: 'load.x.hono',
  method: 'GET',
  path: '${url}',${extra}
  cause: { name: 'Error', message: 'Boom', code: 'ENOTREAL' }
}`

describe('the load report counts the server log', () => {
  it('by status, code, method and path for a logErrors record, by first line otherwise', () => {
    const file = path.join(folder, 'worker.log')
    writeFileSync(
      file,
      [
        record('error', 500, 'SERVER_ERROR', '/api/v1/_demo/fail/500'),
        record('error', 500, 'SERVER_ERROR', '/api/v1/_demo/fail/500'),
        record('warn', 402, 'REQUEST_FAILED', '/trpc/webhook.test', '\n  undeclared: true,'),
        '[workerd] Request failed due to internal error',
        '[info] not counted',
        '',
      ].join('\n'),
    )
    expect([...countLines(file)]).toEqual([
      ['[error] 500 SERVER_ERROR GET /api/v1/_demo/fail/500', 2],
      ['[warn] 402 REQUEST_FAILED GET /trpc/webhook.test (undeclared)', 1],
      ['[workerd] Request failed due to internal error', 1],
    ])
  })

  it('counts nothing when there is no log', () => {
    expect(countLines(path.join(folder, 'missing.log')).size).toBe(0)
  })
})
