import { expect } from 'vitest'
import { seen } from './apps'
import { type Answer, MARKER, type Send } from './inputs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A fresh `Request` for a case (bodies are made anew: a stream is read once). */
export function toRequest(send: Send): Request {
  const body = send.body?.()
  return new Request(`http://localhost${send.path}`, {
    method: send.method ?? 'GET',
    headers: send.headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
}

/** Forgets what the apps saw, before each request. */
export function reset(): void {
  seen.values.length = 0
  seen.reports.length = 0
}

/**
 * Checks a response against the answer a case expects: status, code and message, the error
 * headers, one report per error, a request id that is a fresh UUID, and no trace of the marker
 * anywhere (in Problem Details, only `instance`, the request path, may hold it).
 */
export async function expectAnswer(
  response: Response,
  answer: Answer,
  options: { problem?: boolean; path?: string } = {},
): Promise<Record<string, unknown>> {
  const text = await response.text()
  const body = JSON.parse(text) as Record<string, unknown>
  expect(response.status).toBe(answer.status)
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  expect(headers).not.toContain(MARKER)
  if (answer.code === undefined) {
    expect(body).toEqual({ ok: true })
    expect(seen.reports).toHaveLength(0)
    return body
  }
  expect(body.code).toBe(answer.code)
  if (answer.message !== undefined) {
    expect(options.problem ? body.detail : body.message).toBe(answer.message)
  }
  expect(response.headers.get('content-type')).toBe(
    options.problem ? 'application/problem+json' : 'application/json; charset=utf-8',
  )
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('x-request-id')).toMatch(UUID)
  expect(body.requestId).toBe(response.headers.get('x-request-id'))
  expect(seen.reports).toHaveLength(1)
  const { instance, ...rest } = body
  // the request path, unless it is long enough to be an echo of hostile input
  const path = options.path !== undefined && options.path.length <= 256 ? options.path : undefined
  if (options.problem) expect(instance).toBe(path)
  expect(JSON.stringify(options.problem ? rest : body)).not.toContain(MARKER)
  return body
}
