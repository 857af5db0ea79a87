/** Status, headers and parsed body of a response, for exact assertions. */
export async function read(response: Response) {
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body }
}

/** A POST with a JSON body. */
export function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/posts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
