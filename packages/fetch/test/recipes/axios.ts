import { parseError, retryDelay, shouldRetry } from '@faultline/core'
import axios from 'axios'
import { errors } from './errors'

export const api = axios.create()

// no answer at all: the network failure core retries (fetch's TypeError), not a timeout
const NO_ANSWER = new Set(['ECONNREFUSED', 'ECONNRESET', 'ERR_NETWORK'])

api.interceptors.response.use(undefined, async (thrown: unknown) => {
  if (!axios.isAxiosError(thrown) || !thrown.config) throw thrown
  const { response, config, code = '' } = thrown
  const error =
    response && response.status >= 400
      ? parseError(
          {
            status: response.status,
            body: response.data,
            headers: response.headers,
          },
          { catalog: errors },
        )
      : thrown
  const failure = !response && NO_ANSWER.has(code) ? new TypeError(thrown.message) : error
  const attempt = (config as { attempt?: number }).attempt ?? 1
  if (!shouldRetry(failure, attempt)) throw error
  await new Promise((resolve) => setTimeout(resolve, retryDelay(failure, attempt)))
  return api.request({ ...config, attempt: attempt + 1 } as typeof config)
})
