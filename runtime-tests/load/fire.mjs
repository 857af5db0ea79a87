// Drives autocannon over the request mix and counts, per case, what came back.
import autocannon from 'autocannon'
import { header, verdict } from './cases.mjs'
import { retryAfterOf } from './limit.mjs'

/**
 * Per-case counters: answers by status, wrong answers by kind, requests lost by reason (a
 * socket error code, `timeout`, or `closed` by the server), latencies.
 */
function emptyStats() {
  return {
    responses: 0,
    statuses: {},
    wrong: { status: 0, 'request-id': 0, body: 0 },
    lost: {},
    latencies: [],
  }
}

/**
 * Runs autocannon against `url` for `duration` seconds with `connections` keep-alive
 * connections (no pipelining), each sending the cases in turn. Returns autocannon's result, the
 * per-case stats and a few wrong answers; `instance` goes to `onStart` so a signal can stop it.
 * The `rate-limited` answers, with when each was sent and answered, go to `ledger` (limit.mjs).
 */
export async function fire({ url, cases, duration, connections, timeout, onStart, ledger }) {
  const stats = new Map(cases.map((testCase) => [testCase.id, emptyStats()]))
  const samples = []
  let clients = 0
  // A rate-limited answer, handed from its onResponse to the connection's 'response' listener,
  // which knows when it was sent: autocannon 9 calls the one and emits the other right after,
  // synchronously (Client's kOnMessageComplete).
  const handoff = { answer: undefined }
  const requests = cases.map((testCase) => ({
    method: testCase.method,
    path: testCase.path,
    headers: testCase.headers,
    body: testCase.body,
    onResponse(status, body, _context, headers) {
      const entry = stats.get(testCase.id)
      entry.responses++
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1
      const wrong = verdict(testCase, status, headers, body)
      if (testCase.name === 'rate-limited') {
        handoff.answer = {
          status,
          granted: testCase.expect.granted,
          retryAfter: retryAfterOf(header(headers, 'retry-after')),
        }
      }
      if (wrong) {
        entry.wrong[wrong]++
        if (samples.length < 20) {
          samples.push({ id: testCase.id, wrong, status, body: body.slice(0, 200) })
        }
      }
    },
  }))

  const instance = autocannon({
    url,
    connections,
    pipelining: 1,
    duration,
    timeout,
    requests,
    setupClient: (client) => {
      // each connection starts at its own point of the cycle, so that all cases run all along
      const iterator = client.requestIterator
      iterator.currentRequestIndex = clients++ % iterator.requests.length
      iterator.currentRequest = iterator.requests[iterator.currentRequestIndex]
      track(client, stats, handoff, ledger)
    },
  })
  onStart?.(instance)
  const result = await instance
  return { result, stats, samples }
}

/**
 * Follows the requests of one autocannon connection. autocannon clones the request objects per
 * connection, so a request is known by the x-request-id header every case sends. When the
 * connection is replaced (server closed it, socket error, timeout), the requests it still
 * carried are counted as lost, and the response queue and parser start clean: autocannon 9
 * only does that on a timeout, and would otherwise pair later responses with the wrong request.
 * (This reaches into autocannon 9's Client: `_doRequest`, `_connect`, `conn`, `parser`,
 * `pipelinedRequests`, `requestIterator`.) A rate-limited answer in `handoff` goes to `ledger`
 * with the times its request was sent and answered.
 */
function track(client, stats, handoff, ledger) {
  const inFlight = []
  let reason = 'closed'
  let lastLost = []
  const idOf = () => client.requestIterator.currentRequest?.headers?.['x-request-id']
  const count = (requests, why, delta = 1) => {
    for (const { id } of requests) {
      const entry = stats.get(id)
      if (entry) entry.lost[why] = (entry.lost[why] ?? 0) + delta
    }
  }
  const doRequest = client._doRequest
  client._doRequest = function (...args) {
    const before = this.reqsMade
    // read before the write, so that the Worker's clock cannot read earlier
    const sent = Date.now()
    const value = doRequest.apply(this, args)
    if (this.reqsMade > before) inFlight.push({ id: idOf(), sent })
    return value
  }
  const connect = client._connect
  client._connect = function (...args) {
    // An 'end' then an 'error' (writing to the closed socket) of one old connection would
    // otherwise open two new ones sharing one parser.
    const current = this.conn
    if (current && !current.destroyed && !current.readableEnded) return
    lastLost = inFlight.splice(0)
    count(lastLost, reason)
    reason = 'closed'
    this.pipelinedRequests.clear()
    this.parser.initialize(this.parser.type)
    return connect.apply(this, args)
  }
  // both are emitted before the reconnection
  client.on('connError', (error) => {
    reason = error?.code ?? 'error'
  })
  // emitted after it: the requests just counted as closed were timed out
  client.on('timeout', () => {
    count(lastLost, 'closed', -1)
    count(lastLost, 'timeout')
    lastLost = []
  })
  client.on('response', (_status, _bytes, ms) => {
    const request = inFlight.shift()
    const answer = handoff.answer
    handoff.answer = undefined
    if (!request) return
    stats.get(request.id)?.latencies.push(ms)
    if (answer) ledger.record({ ...answer, sent: request.sent, answered: Date.now() })
  })
}
