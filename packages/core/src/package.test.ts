import { expect, it } from 'vitest'
import * as adapter from './adapter'
import * as core from './index'

const runtimeNames = (entry: object) => Object.keys(entry).sort()
// Features that came after the cap was set bring their own names: the client's retry policy,
// errors declared per operation.
const LATER = ['retryDelay', 'shouldRetry', 'declareErrors']

it('exports what an app author uses from the main entry, 15 run-time names at most', () => {
  expect(runtimeNames(core)).toMatchInlineSnapshot(`
    [
      "ApiError",
      "declareErrors",
      "defaultErrors",
      "defineErrors",
      "fields",
      "handleError",
      "isApiError",
      "parseError",
      "parseErrorResponse",
      "problemDetails",
      "requestIdOf",
      "retryDelay",
      "shouldRetry",
      "toApiError",
      "validate",
    ]
  `)
  expect(runtimeNames(core).filter((name) => !LATER.includes(name)).length).toBeLessThanOrEqual(15)
})

it('exports the main entry and the adapter plumbing from /adapter', () => {
  expect(runtimeNames(adapter).filter((name) => !(name in core))).toMatchInlineSnapshot(`
    [
      "API_ERROR",
      "BODY_LIMIT",
      "MAX_MESSAGE_LENGTH",
      "callReporter",
      "createError",
      "defaultCatalog",
      "defaultDescriptions",
      "docUrlOf",
      "drainBody",
      "errorHeaders",
      "fromStatus",
      "isErrorStatus",
      "isJsonContentType",
      "isSafeRequestId",
      "methodNotAllowed",
      "notFound",
      "prefersProblemJson",
      "readJsonBody",
      "readJsonText",
      "reportAndRender",
      "retryAfterSeconds",
      "serialize",
      "statusPhrase",
      "toBody",
      "toJsonPointer",
      "toProblem",
      "toValidationIssues",
      "validationError",
    ]
  `)
  for (const name of runtimeNames(core)) expect(adapter).toHaveProperty(name)
})

it('exports one reporter from /log, and the OpenTelemetry pieces from /otel', async () => {
  expect(runtimeNames(await import('./log'))).toEqual(['logErrors'])
  expect(runtimeNames(await import('./otel'))).toEqual(['traceErrors', 'traceRequestId'])
})
