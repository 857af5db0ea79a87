/** Bounds for {@link drainBody}. */
export interface DrainOptions {
  /** Bytes to read at most before giving up on the connection; no bound by default. */
  readonly maxBytes?: number
  /** Milliseconds to wait at most for the rest of the body; 5000 by default. */
  readonly timeoutMs?: number
}

/**
 * Reads and throws away what is left of a request body, so that the client's keep-alive
 * connection survives an answer that did not need the body: a 401 before the body was looked
 * at, a 413, a 415. workerd (`wrangler dev`, self-hosted workerd) closes the connection of a
 * request whose body was not read to its end and resets it when the body was cancelled, so the
 * client's next request on that connection fails; behind `wrangler dev`'s proxy, a body read
 * part-way and then cancelled or left (a 2 MB body past a 64 KiB limit) also stalls or fails the
 * next request on any other connection. So the body is read to its end, however long it says it
 * is, for at most `timeoutMs` (the server's time is what is bounded, as a lingering close does);
 * only past that, or past an explicit `maxBytes`, is it cancelled. A missing, used or locked body
 * is left alone. Never throws.
 *
 * @example
 * ```ts
 * if (response.status >= 400) await drainBody(request)
 * ```
 */
export async function drainBody(request: Request, options: DrainOptions = {}): Promise<void> {
  const { maxBytes = Number.POSITIVE_INFINITY, timeoutMs = 5000 } = options
  let timer: Parameters<typeof clearTimeout>[0]
  try {
    const body = request.body
    if (body === null || body.locked) return
    const reader = body.getReader()
    const expired = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    })
    for (let left = maxBytes; left >= 0; ) {
      const result = await Promise.race([reader.read(), expired])
      if (result?.done) return
      if (result === undefined) break
      left -= result.value?.byteLength ?? 0
    }
    reader.cancel().catch(() => {})
  } catch {
    // a broken body: there is no connection left to keep
  } finally {
    clearTimeout(timer)
  }
}
