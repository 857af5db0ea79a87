import { parseError, retryDelay, shouldRetry } from '@faultline/core'
import { type FetchContext, ofetch } from 'ofetch'
import { errors } from './errors'

const retries = 2 // attempts after the first: core's maxAttempts (3) less one
const attemptOf = ({ options }: FetchContext) => retries - Number(options.retry) + 1

// ofetch retries what onResponseError lets through (its retryStatusCodes hold 429, 502, 503
// and 504) and a request that got no answer, after core's delay
export const api = ofetch.create({
  retry: retries,
  retryDelay: (context) => retryDelay(context.error, attemptOf(context)),
  onResponseError(context) {
    // ofetch has read the body already: parse its _data, not the response
    const { status, _data, headers } = context.response
    const error = parseError({ status, body: _data, headers }, { catalog: errors })
    if (!shouldRetry(error, attemptOf(context))) throw error
    context.error = error // for retryDelay
  },
})
