/** A reader for server-sent events (the notice gadget's live streams). */
export interface SseEvent {
  readonly event: string
  readonly data: string
}

/** Reads a server-sent event stream; `next(name)` waits for the next event of that name. */
export async function openSse(url: string): Promise<{
  readonly response: Response
  next(name: string, timeoutMs?: number): Promise<SseEvent>
  /** Resolves when the server ends the stream. */
  ended(timeoutMs?: number): Promise<void>
  close(): void
}> {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const queue: SseEvent[] = []
  let done = false
  async function pump(timeoutMs: number): Promise<void> {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), timeoutMs).unref(),
    )
    const chunk = await Promise.race([reader.read(), timer])
    if (chunk.done) {
      done = true
      return
    }
    buffer += chunk.value
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const lines = block.split('\n')
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7)
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6)
      if (event !== undefined && data !== undefined) queue.push({ event, data })
    }
  }
  return {
    response,
    async next(name, timeoutMs = 5_000) {
      for (;;) {
        const index = queue.findIndex((e) => e.event === name)
        if (index >= 0) return queue.splice(index, 1)[0]!
        if (done) throw new Error(`stream ended before a "${name}" event`)
        await pump(timeoutMs)
      }
    },
    async ended(timeoutMs = 5_000) {
      while (!done) await pump(timeoutMs)
    },
    close: () => controller.abort(),
  }
}
