import { expect, it } from 'vitest'
import * as core from './index'

it('exports exactly the public API', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "API_ERROR",
      "ApiError",
      "BODY_LIMIT",
      "MAX_MESSAGE_LENGTH",
      "callReporter",
      "createError",
      "defaultCatalog",
      "defaultDescriptions",
      "defaultErrors",
      "defineErrors",
      "docLink",
      "drainBody",
      "errorHeaders",
      "fields",
      "fromStatus",
      "handleError",
      "isApiError",
      "isErrorStatus",
      "isJsonContentType",
      "isSafeRequestId",
      "methodNotAllowed",
      "notFound",
      "parseError",
      "parseErrorResponse",
      "prefersProblemJson",
      "readJsonBody",
      "readJsonText",
      "renderError",
      "requestIdOf",
      "retryAfterSeconds",
      "serialize",
      "toApiError",
      "toBody",
      "toJsonPointer",
      "toProblem",
      "toResponse",
      "toValidationIssues",
      "validate",
      "validationError",
    ]
  `)
})
