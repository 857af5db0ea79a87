import { describe, expect, it } from 'vitest'
import type { Case } from './case'
import { cases } from './cases'
import { run, runCase } from './run'

describe('the conformance suite, in this Node process', () => {
  it('passes every case', async () => {
    const result = await run()
    expect(result.failures).toEqual([])
    expect(result).toMatchObject({
      runtime: { name: 'node' },
      total: cases.length,
      passed: cases.length,
    })
  })

  it('has a distinct name for every case, and cases for each adapter', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
    const count = (app: string) => cases.filter((c) => c.app === app).length
    expect([count('fetch'), count('hono'), count('trpc')]).toEqual([24, 26, 19])
  })

  it('reports a case whose app answers differently', async () => {
    const notFound = cases.find(
      (c) => c.name === 'hono: an unknown route answers 404 NOT_FOUND',
    ) as Case
    const wrong: Case = { ...notFound, expect: { ...notFound.expect, status: 410 } }
    expect(await runCase(wrong)).toEqual(['status: expected 410, got 404'])
    const result = await run([notFound, wrong])
    expect(result).toMatchObject({ total: 2, passed: 1, failures: [{ name: wrong.name }] })
  })

  it('turns a request the runtime rejects into a failure, not a crash', async () => {
    const broken: Case = {
      name: 'a body on a GET',
      app: 'fetch',
      request: { path: '/nope', body: 'x' },
      expect: { status: 404, headers: {}, body: null },
    }
    const [problem] = await runCase(broken)
    expect(problem).toMatch(/^threw TypeError/)
  })
})
