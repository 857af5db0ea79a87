import { errors } from '../catalog'
import type { WebhookInput } from './schemas'

/** How long a webhook endpoint has to answer. */
export const WEBHOOK_TIMEOUT_MS = 5000

/** A delivered test event. */
export interface Delivery {
  readonly delivered: true
  /** The status the endpoint answered with. */
  readonly status: number
}

/**
 * Sends a test event to a webhook URL. The parameters were valid if we got here, so a delivery
 * that fails (unreachable host, timeout, a non-2xx answer) is 402 `REQUEST_FAILED`; the reason
 * stays in `cause` for the server log.
 *
 * @example
 * ```ts
 * await testWebhook({ url: 'https://example.com/hooks/feedback' })
 * ```
 */
export async function testWebhook(input: WebhookInput): Promise<Delivery> {
  let response: Response
  try {
    response = await fetch(input.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'feedback-api-webhooks' },
      body: JSON.stringify({ type: 'webhook.test', sentAt: new Date().toISOString() }),
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
  } catch (cause) {
    throw errors.create('REQUEST_FAILED', {
      message: 'Webhook delivery failed: the URL could not be reached',
      cause,
    })
  }
  await response.body?.cancel()
  if (!response.ok) {
    throw errors.create('REQUEST_FAILED', {
      message: `Webhook delivery failed: the URL answered ${response.status}`,
      cause: new Error(`The endpoint answered ${response.status} ${response.statusText}`.trim()),
    })
  }
  return { delivered: true, status: response.status }
}
