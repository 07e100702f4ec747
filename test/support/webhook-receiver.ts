/**
 * A plain HTTP server on 127.0.0.1 that keeps every POST it receives (body parsed as JSON), as a chat
 * service's incoming webhook would. `answer(status)` makes it fail on purpose.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface WebhookPost {
  readonly path: string
  readonly contentType: string
  readonly body: unknown
}

export interface WebhookReceiver {
  readonly url: string
  readonly posts: WebhookPost[]
  answer(status: number): void
  stop(): Promise<void>
}

export async function startWebhookReceiver(path = '/hooks/T000/secret-token'): Promise<WebhookReceiver> {
  const posts: WebhookPost[] = []
  let status = 200
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (request.method === 'POST') {
        posts.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        })
      }
      response.writeHead(request.method === 'POST' ? status : 405, { 'content-type': 'text/plain' })
      response.end(status === 200 ? 'ok' : 'no')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    posts,
    answer: (code) => {
      status = code
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
