import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import SwaggerParser from '@apidevtools/swagger-parser'
import { validate as readmeValidate } from '@readme/openapi-parser'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import openapiTS, { astToString } from 'openapi-typescript'

// ajv-formats is reached through the OpenAPI validator's own dependencies (the same Ajv).
const require = createRequire(
  createRequire(import.meta.url).resolve('@seriousme/openapi-schema-validator'),
)
const addFormats = (require('ajv-formats') as { default: (ajv: Ajv2020) => void }).default

/** The problems `@readme/openapi-parser` finds in a document: `[]` when it is valid. */
export async function readmeProblems(document: object): Promise<string[]> {
  const result = await readmeValidate(structuredClone(document) as never)
  return result.valid ? [] : result.errors.map((error) => error.message)
}

/** The problem `@apidevtools/swagger-parser` finds in a document, or `undefined`. */
export async function swaggerParserProblem(document: object): Promise<string | undefined> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * The TypeScript `openapi-typescript` generates for a document, type-checked (strict) together
 * with `usage`, a module importing `paths` and `components` from `./api`: tsc's output, `''`
 * when both compile.
 */
export async function typeCheckGenerated(document: object, usage: string): Promise<string> {
  const generated = astToString(await openapiTS(structuredClone(document) as never))
  const dir = await mkdtemp(path.join(tmpdir(), 'faultline-openapi-ts-'))
  try {
    await writeFile(path.join(dir, 'api.ts'), generated)
    await writeFile(path.join(dir, 'usage.ts'), usage)
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const args = [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes']
    args.push('--target', 'es2022', '--module', 'nodenext', '--skipLibCheck')
    args.push(path.join(dir, 'api.ts'), path.join(dir, 'usage.ts'))
    const { stdout } = await promisify(execFile)(process.execPath, args).catch(
      (error: { stdout: string }) => error,
    )
    return stdout.replaceAll(dir, '.')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Validates a whole OpenAPI document with a real OpenAPI 3.1 validator (refs included). */
export async function validateOpenApi(document: object) {
  return new Validator().validate(structuredClone(document) as Record<string, unknown>)
}

/**
 * A JSON Schema 2020-12 validator for a document's component schemas: `check(name, value)`
 * returns Ajv's errors, or `null` when the value matches `#/components/schemas/<name>`.
 */
export function schemaChecker(document: { components?: object }) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: 'https://faultline.test/openapi.json', ...document })
  return {
    /** Whether a schema is valid against the 2020-12 meta-schema. */
    isValidSchema: (schema: object) => ajv.validateSchema(schema),
    check(pointer: string, value: unknown): unknown {
      const validate = ajv.getSchema(`https://faultline.test/openapi.json#${pointer}`)
      if (!validate) throw new Error(`No schema at ${pointer}`)
      return validate(value) ? null : validate.errors
    },
  }
}
