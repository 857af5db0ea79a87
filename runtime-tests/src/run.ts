import { apps } from './apps'
import { cases as allCases, type Case } from './cases'
import { compare } from './match'
import { detectRuntime, type RuntimeInfo } from './runtime'

/** A case that did not get what it expected. */
export interface CaseFailure {
  readonly name: string
  readonly problems: readonly string[]
}

/** What one run of the suite found; plain JSON, so it crosses process and realm boundaries. */
export interface RunResult {
  readonly runtime: RuntimeInfo
  readonly total: number
  readonly passed: number
  readonly failures: readonly CaseFailure[]
  readonly ms: number
}

/** Makes a case's request against one app and compares the response; never throws. */
export async function runCase(c: Case): Promise<string[]> {
  try {
    const { method = 'GET', path, headers, body } = c.request
    const request = new Request(`http://localhost${path}`, { method, headers, body })
    const response = await apps[c.app](request)
    const text = await response.text()
    return compare(c.expect, { status: response.status, headers: response.headers, text })
  } catch (thrown) {
    return [`threw ${describe(thrown)}`]
  }
}

/** Runs the cases one after the other (the apps share nothing, but the order stays fixed). */
export async function run(cases: readonly Case[] = allCases): Promise<RunResult> {
  const started = Date.now()
  const failures: CaseFailure[] = []
  for (const c of cases) {
    const problems = await runCase(c)
    if (problems.length > 0) failures.push({ name: c.name, problems })
  }
  return {
    runtime: detectRuntime(),
    total: cases.length,
    passed: cases.length - failures.length,
    failures,
    ms: Date.now() - started,
  }
}

function describe(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}`
  try {
    return String(thrown)
  } catch {
    return typeof thrown
  }
}
