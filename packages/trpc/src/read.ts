/** A property of anything, or `undefined`: never throws, even on a hostile getter or proxy. */
export function read(value: unknown, key: string): unknown {
  try {
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[key]
      : undefined
  } catch {
    return undefined
  }
}
