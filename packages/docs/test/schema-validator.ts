import { createRequire } from 'node:module'
import { Validator } from '@seriousme/openapi-schema-validator'

// Ajv is not a dependency of ours: it is reached through the OpenAPI validator's own
// dependencies, the same engine that validator runs on.
const require = createRequire(
  createRequire(import.meta.url).resolve('@seriousme/openapi-schema-validator'),
)

interface AjvInstance {
  addSchema(schema: object, key?: string): AjvInstance
  getSchema(key: string): (((data: unknown) => boolean) & { errors?: unknown }) | undefined
  validateSchema(schema: object): boolean
  errors?: unknown
}
type AjvClass = new (options: object) => AjvInstance
const Ajv2020 = (require('ajv/dist/2020.js') as { default: AjvClass }).default
const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance) => void }).default

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
