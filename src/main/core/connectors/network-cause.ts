/** What actually went wrong under a failed fetch: the system code and its message. */
export interface NetworkCause {
  /** ECONNREFUSED, ENOTFOUND, a TLS code…; null when no layer carried one. */
  readonly code: string | null
  readonly message: string
}

/**
 * undici wraps the socket error: TypeError("fetch failed") → cause (→ AggregateError.errors). Returns the
 * first layer with a code, else the deepest message.
 */
export function networkCause(error: unknown): NetworkCause {
  const queue: unknown[] = [error]
  let deepest: NetworkCause = { code: null, message: error instanceof Error ? error.message : String(error) }
  while (queue.length > 0) {
    const next = queue.shift() as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    if (next === null || typeof next !== 'object') continue
    if (typeof next.code === 'string') return { code: next.code, message: String(next.message ?? '') }
    if (typeof next.message === 'string' && next !== error) deepest = { code: null, message: next.message }
    queue.push(next.cause, ...(Array.isArray(next.errors) ? next.errors : []))
  }
  return deepest
}
