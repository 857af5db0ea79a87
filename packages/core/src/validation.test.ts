import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineErrors } from './catalog'
import { toBody } from './error'
import { toJsonPointer, toValidationIssues, validate, validationError } from './validation'

const secret = 'hunter2-planted-value'

const zodPost = z.object({
  title: z.string().min(1).max(100),
  tags: z.array(z.string()).optional(),
  email: z.email().optional(),
})
const valibotPost = v.object({
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  tags: v.optional(v.array(v.string())),
  email: v.optional(v.pipe(v.string(), v.email())),
})

describe('toJsonPointer', () => {
  it.each([
    [[], ''],
    [['title'], '/title'],
    [['tags', 0], '/tags/0'],
    [[{ key: 'a/b' }, 'c~d'], '/a~1b/c~0d'],
    [[Symbol('s')], '/s'],
    [undefined, ''],
  ])('%j → %j', (path, pointer) => {
    expect(toJsonPointer(path as never)).toBe(pointer)
  })
})

describe('validate', () => {
  it('returns the typed output when the input is valid', async () => {
    await expect(validate(zodPost, { title: 'Hi' })).resolves.toEqual({ title: 'Hi' })
    await expect(validate(valibotPost, { title: 'Hi' })).resolves.toEqual({ title: 'Hi' })
  })

  it('throws VALIDATION_ERROR with one JSON Pointer issue per problem (zod)', async () => {
    const error = await validate(zodPost, { title: '', tags: ['a', 7] }).catch((e) => e)
    expect(error.status).toBe(400)
    expect(toBody(error)).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        {
          code: 'too_small',
          message: 'Too small: expected string to have >=1 characters',
          path: '/title',
        },
        { code: 'invalid_type', message: 'Invalid input: expected string', path: '/tags/1' },
      ],
    })
  })

  it('throws VALIDATION_ERROR with one JSON Pointer issue per problem (valibot)', async () => {
    const error = await validate(valibotPost, { title: '', tags: ['a', 7] }).catch((e) => e)
    expect(toBody(error)).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [
        { code: 'min_length', message: 'Invalid length: Expected >=1', path: '/title' },
        { code: 'string', message: 'Invalid type: Expected string', path: '/tags/1' },
      ],
    })
  })

  it.each([
    ['zod', zodPost],
    ['valibot', valibotPost],
  ])('never echoes the raw input (%s)', async (_, schema) => {
    const error = await validate(schema, { title: 42, tags: [secret], email: secret }).catch(
      (e) => e,
    )
    const wire = JSON.stringify(error)
    expect(error.code).toBe('VALIDATION_ERROR')
    expect(wire).not.toContain(secret)
    expect(wire).not.toContain('42')
  })

  it('uses the VALIDATION_ERROR entry of the given catalog', async () => {
    const custom = defineErrors({
      VALIDATION_ERROR: { status: 422, message: 'Check your input' },
    })
    const error = await validate(zodPost, {}, { catalog: custom }).catch((e) => e)
    expect([error.status, error.message]).toEqual([422, 'Check your input'])
  })
})

describe('toValidationIssues', () => {
  it('scrubs a custom message that quotes the input', () => {
    const issues = [{ message: `"${secret}" is taken`, path: ['name'] }]
    expect(toValidationIssues(issues, { input: { name: secret } })).toEqual([
      { code: 'invalid', message: '"…" is taken', path: '/name' },
    ])
  })

  it.each([
    ['Invalid type: Expected string but received 7', 'Invalid type: Expected string'],
    ['Invalid key: Received "ab"', 'Invalid key'],
    ['Invalid input: expected string, received number', 'Invalid input: expected string'],
    ['Password received is too short', 'Password received is too short'],
  ])('drops the echo of the input from %j', (message, scrubbed) => {
    expect(toValidationIssues([{ message }])[0]?.message).toBe(scrubbed)
  })

  it('cuts very long messages', () => {
    const [issue] = toValidationIssues([{ message: 'x'.repeat(1000) }])
    expect(issue?.message).toHaveLength(200)
    expect(issue?.path).toBe('')
  })

  it('survives issues with hostile members', () => {
    const hostile = {
      get message(): string {
        throw new Error('trap')
      },
      path: [{ key: 'a' }],
      code: 'not a code!',
    }
    expect(toValidationIssues([hostile])).toEqual([{ code: 'invalid', message: '', path: '/a' }])
  })
})

describe('validationError', () => {
  it('falls back to the default catalog when the given one lacks VALIDATION_ERROR', () => {
    const error = validationError([{ message: 'Required', path: ['title'] }])
    expect(toBody(error)).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Validation failed',
      errors: [{ code: 'invalid', message: 'Required', path: '/title' }],
    })
  })
})
