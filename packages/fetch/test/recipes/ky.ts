import { parseErrorResponse, retryDelay, shouldRetry } from '@faultline/core'
import ky from 'ky'
import { errors } from './errors'

export const api = ky.create({
  retry: {
    limit: 2, // attempts after the first: core's maxAttempts (3) less one
    // core's rules, not ky's: ky retries any throw from a hook and waits out any Retry-After
    shouldRetry: ({ error, retryCount }) => shouldRetry(error, retryCount),
    delay: (attempt) => retryDelay(undefined, attempt), // a network failure's backoff
  },
  hooks: {
    afterResponse: [
      async (_request, _options, response, { retryCount }) => {
        if (response.status < 400) return // ky throws its own HTTPError for a 3xx
        const error = await parseErrorResponse(response, { catalog: errors })
        if (!shouldRetry(error, retryCount + 1)) throw error // the typed error, once
        return ky.retry({ delay: retryDelay(error, retryCount + 1) }) // never before Retry-After
      },
    ],
  },
})
