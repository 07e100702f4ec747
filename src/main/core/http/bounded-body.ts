import type { IncomingMessage } from 'node:http'

/** The request body was longer than the limit (declared or as sent): answer 413 and close the connection. */
export class BodyTooLarge extends Error {}

/** A request body as bytes (a signature covers them exactly), refused past `maxBytes` without buffering more. */
export function readBoundedBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(new BodyTooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
      else reject(new BodyTooLarge())
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
