// Bug (core, validation.ts toValidationIssues): zod's `unrecognized_keys` issue (z.strictObject,
// z.record with an enum key) has the message `Unrecognized key: "<the key>"`, which `scrub` keeps
// (it only removes the value at the issue's path): the client's own key names come back in
// errors[].message, 200 characters of them. Found by the hostile-input suite
// (../../hostile, "an unknown key on a strict schema").
// Fix: for an issue that lists `keys`, replace each key in the message (as done for string
// values), or send a fixed "Unrecognized key" message; consider also capping `path` (valibot
// puts the unknown key in the path, which is a JSON Pointer by design but unbounded).
import { toValidationIssues } from '@faultline/core/adapter'
import { readJson } from '@faultline/fetch'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const KEY = 'HOSTILE-KEY-<img src=x>'

describe('regression: unrecognized-key-echo', () => {
  it('does not repeat an unknown key in the issue message', async () => {
    const schema = z.strictObject({ title: z.string() })
    const input = { title: 'a', [KEY]: 1 }
    const result = await schema['~standard'].validate(input)
    const issues = toValidationIssues('issues' in result ? (result.issues ?? []) : [], { input })
    expect(JSON.stringify(issues)).not.toContain(KEY)
  })

  it('does not repeat it through readJson either', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'a', [KEY]: 1 }),
    })
    const error = await readJson(request, z.strictObject({ title: z.string() })).catch((e) => e)
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY)
  })
})
