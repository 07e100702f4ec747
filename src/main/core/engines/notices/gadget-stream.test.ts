import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { GadgetStreams, type SendEvent } from './gadget-stream'

let server: Server | null = null
afterEach(() => {
  server?.closeAllConnections()
  server?.close()
})

async function serve(
  streams: GadgetStreams,
  subscribe: (send: SendEvent) => () => void,
  authorized: () => Promise<boolean> = async () => true,
): Promise<string> {
  server = createServer((req, res) =>
    streams.open(req, res, { 'Cache-Control': 'no-store' }, subscribe, authorized),
  )
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

async function readUntil(reader: ReadableStreamDefaultReader<string>, text: string): Promise<string> {
  let seen = ''
  while (!seen.includes(text)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`stream ended before "${text}": ${seen}`)
    seen += value
  }
  return seen
}

describe('gadget live streams', () => {
  it('sends events and heartbeats, and unsubscribes when the page goes away', async () => {
    const streams = new GadgetStreams(30)
    let send: SendEvent = () => {}
    let unsubscribed = 0
    const url = await serve(streams, (s) => {
      send = s
      return () => (unsubscribed += 1)
    })
    const controller = new AbortController()
    const response = await fetch(url, { signal: controller.signal })
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await readUntil(reader, 'retry: 5000')
    send('notice', { html: '<li>x</li>' })
    expect(await readUntil(reader, '\n\n')).toContain('event: notice\ndata: {"html":"<li>x</li>"}')
    await readUntil(reader, ': heartbeat')
    expect(streams.size).toBe(1)
    controller.abort()
    await expect.poll(() => unsubscribed).toBe(1)
    expect(streams.size).toBe(0)
  })

  it('closeAll ends every open stream and unsubscribes each once', async () => {
    const streams = new GadgetStreams(60_000)
    let unsubscribed = 0
    const url = await serve(streams, () => () => (unsubscribed += 1))
    const bodies = await Promise.all([fetch(url), fetch(url)])
    await expect.poll(() => streams.size).toBe(2)
    streams.closeAll()
    for (const response of bodies) expect(await response.text()).toBe('retry: 5000\n\n')
    expect(unsubscribed).toBe(2)
  })

  it('ends a stream instead of sending once its URL is no longer authorized', async () => {
    const streams = new GadgetStreams(60_000)
    let send: SendEvent = () => {}
    let allowed = true
    const url = await serve(
      streams,
      (s) => {
        send = s
        return () => {}
      },
      async () => allowed,
    )
    const response = await fetch(url)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await expect.poll(() => streams.size).toBe(1)
    send('notice', { n: 1 })
    expect(await readUntil(reader, '"n":1')).toContain('data: {"n":1}')
    allowed = false
    send('notice', { n: 2 })
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value
    expect(rest).not.toContain('"n":2')
    expect(streams.size).toBe(0)
  })
})
