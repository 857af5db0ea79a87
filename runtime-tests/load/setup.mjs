// What the mix needs before it starts, and a single pass over it on fresh connections.
import http from 'node:http'
import { header, IDEMPOTENCY_KEY, IDEMPOTENT_TITLE, VOTED_POST_ID, verdict } from './cases.mjs'
import { retryAfterOf } from './limit.mjs'

/**
 * The state the deterministic cases rely on: the admin key has voted on the seeded post (so
 * another vote is 409) and has claimed the idempotency key with one body (so the same body
 * replays the 201 and another body is 409).
 */
export async function seedState(url) {
  const headers = { authorization: 'Bearer lc_test_admin', 'content-type': 'application/json' }
  const vote = await send(url, {
    method: 'POST',
    path: `/api/v1/posts/${VOTED_POST_ID}/votes`,
    headers,
  })
  const claim = await send(url, {
    method: 'POST',
    path: '/api/v1/posts',
    headers: { ...headers, 'idempotency-key': IDEMPOTENCY_KEY },
    body: JSON.stringify({ title: IDEMPOTENT_TITLE }),
  })
  if (vote.status !== 201 || claim.status !== 201) {
    throw new Error(
      `setup failed: vote ${vote.status} ${vote.text}, claim ${claim.status} ${claim.text}`,
    )
  }
}

/**
 * Sends every case once, each on its own connection; returns the cases that failed. The
 * `rate-limited` answers go to `ledger` (limit.mjs): they take units of the key's window too.
 */
export async function preflight(url, cases, ledger) {
  const failures = []
  for (const testCase of cases) {
    let answer
    const sent = Date.now()
    try {
      answer = await send(url, testCase)
      if (testCase.name === 'rate-limited') {
        ledger.record({
          status: answer.status,
          granted: testCase.expect.granted,
          sent,
          answered: Date.now(),
          retryAfter: retryAfterOf(header(answer.headers, 'retry-after')),
        })
      }
    } catch (error) {
      failures.push({ id: testCase.id, wrong: 'socket', error: String(error) })
      continue
    }
    const { status, headers, text } = answer
    const wrong = verdict(testCase, status, headers, text)
    if (wrong) failures.push({ id: testCase.id, wrong, status, body: text.slice(0, 300) })
  }
  return failures
}

/** One request on a new connection (closed afterwards), as node:http sends it. */
function send(url, { method, path, headers, body }) {
  const { hostname, port } = new URL(url)
  const all = { ...headers }
  if (body !== undefined) all['content-length'] = String(Buffer.byteLength(body))
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, method, path, headers: all, agent: false, timeout: 30_000 },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => {
          text += chunk
        })
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, text }),
        )
        response.on('error', reject)
      },
    )
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)))
    request.on('error', reject)
    request.end(body)
  })
}
