import type { IncomingMessage, ServerResponse } from 'node:http'

/** Sends one server-sent event on a stream. */
export type SendEvent = (event: string, data: unknown) => void

interface Stream {
  readonly res: ServerResponse
  readonly unsubscribe: () => void
}

/**
 * The gadgets' live streams (server-sent events). One heartbeat timer for all of them, running only while
 * one is open, keeps proxies and the portal's network from cutting an idle stream; a closed request
 * unsubscribes at once.
 */
export class GadgetStreams {
  private readonly streams = new Set<Stream>()
  private heartbeat: NodeJS.Timeout | null = null

  constructor(private readonly heartbeatMs = 25_000) {}

  /**
   * Opens a stream; `subscribe` starts forwarding events to `send` and returns how to stop. Before each
   * event `authorized` is asked again (the URL's key may have been rotated by another process): no → the
   * stream ends. Events keep their order.
   */
  open(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
    subscribe: (send: SendEvent) => () => void,
    authorized: () => Promise<boolean>,
  ): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'X-Accel-Buffering': 'no',
    })
    res.write('retry: 5000\n\n')
    let queue = Promise.resolve()
    const send: SendEvent = (event, data) => {
      const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
      queue = queue.then(authorized).then(
        (ok) => {
          if (!ok) this.end(stream)
          else if (!res.writableEnded) res.write(text)
        },
        () => this.end(stream),
      )
    }
    const stream: Stream = { res, unsubscribe: subscribe(send) }
    this.streams.add(stream)
    this.startHeartbeat()
    req.once('close', () => this.end(stream))
  }

  get size(): number {
    return this.streams.size
  }

  closeAll(): void {
    for (const stream of [...this.streams]) this.end(stream)
  }

  private end(stream: Stream): void {
    if (!this.streams.delete(stream)) return
    stream.unsubscribe()
    if (!stream.res.writableEnded) stream.res.end()
    if (this.streams.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat)
      this.heartbeat = null
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== null) return
    this.heartbeat = setInterval(() => {
      for (const { res } of this.streams) res.write(': heartbeat\n\n')
    }, this.heartbeatMs)
    // A stream alone must not keep the process alive at quit.
    this.heartbeat.unref()
  }
}
