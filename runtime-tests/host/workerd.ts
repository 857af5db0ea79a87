import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { CaseFailure, RunResult } from '../src/run'
import { packageRoot, systemNode } from './paths'

interface JsonReport {
  readonly testResults: readonly {
    readonly message?: string
    readonly assertionResults: readonly {
      readonly ancestorTitles: readonly string[]
      readonly title: string
      readonly status: string
      readonly duration?: number
      readonly failureMessages: readonly string[]
    }[]
  }[]
}

/**
 * Runs the `runtime-workers` vitest project (the suite inside workerd) and reads its JSON
 * report into the same shape the other runtimes print: one vitest test per case.
 */
export function runOnWorkerd(): Promise<RunResult> {
  const out = mkdtempSync(join(tmpdir(), 'faultline-workerd-'))
  const report = join(out, 'report.json')
  const vitest = join(
    dirname(createRequire(join(packageRoot, 'package.json')).resolve('vitest/package.json')),
    'vitest.mjs',
  )
  const args = [
    vitest,
    'run',
    '--config',
    'vitest.workers.config.ts',
    '--reporter=json',
    `--outputFile=${report}`,
  ]
  return new Promise<RunResult>((resolve, reject) => {
    execFile(
      systemNode(),
      args,
      {
        cwd: packageRoot,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', DO_NOT_TRACK: '1' },
        timeout: 120_000,
      },
      (error, _stdout, stderr) => {
        try {
          const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport
          resolve(toResult(json))
        } catch (cause) {
          reject(
            new Error(
              `vitest (workerd) gave no report: ${String(error ?? cause)}\n${stderr.slice(-2000)}`,
            ),
          )
        } finally {
          rmSync(out, { recursive: true, force: true })
        }
      },
    )
  })
}

function toResult(report: JsonReport): RunResult {
  const tests = report.testResults.flatMap((file) => file.assertionResults)
  const cases = tests.filter((test) => test.ancestorTitles[0] === 'conformance')
  const failures: CaseFailure[] = tests
    .filter((test) => test.status !== 'passed')
    .map((test) => ({
      name: test.title,
      problems: test.failureMessages.map((m) => m.split('\n').slice(0, 12).join('\n')),
    }))
  for (const file of report.testResults) {
    if (file.message) failures.push({ name: 'test file', problems: [file.message] })
  }
  const onWorkerd = tests.some((test) => test.title === 'is workerd' && test.status === 'passed')
  return {
    runtime: { name: onWorkerd ? 'workerd' : 'unknown', version: '' },
    total: cases.length,
    passed: cases.filter((test) => test.status === 'passed').length,
    failures,
    ms: Math.round(cases.reduce((sum, test) => sum + (test.duration ?? 0), 0)),
  }
}
