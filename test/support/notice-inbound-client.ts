/**
 * A sender for the inbound notice webhook, as a groupware admin would script it: the signature is made by the
 * `openssl` command the README shows (not by Renkei's code), and the request goes over HTTPS with node:https,
 * trusting only the test CA.
 */
import { execFileSync } from 'node:child_process'
import { request } from 'node:https'

export interface InboundAnswer {
  readonly status: number
  readonly json: unknown
}

/** hex HMAC-SHA256(secret, "<timestamp>.<body>") by `openssl dgst`, as in engines/notices/README.md. */
export function opensslSignature(secret: string, timestamp: string, body: string): string {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-r'], {
    input: `${timestamp}.${body}`,
  })
  return out.toString('utf8').split(' ')[0]!.trim()
}

export function postTo(
  url: string,
  caPem: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  method = 'POST',
): Promise<InboundAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, ca: caPem, headers: { 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          let json: unknown = null
          try {
            json = JSON.parse(text)
          } catch {
            json = text
          }
          resolve({ status: res.statusCode ?? 0, json })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A signed event post: JSON body, timestamp in seconds (`at` in ms), the signature by openssl. */
export function postSigned(
  url: string,
  caPem: string,
  secret: string,
  event: unknown,
  at: number,
): Promise<InboundAnswer> {
  const body = JSON.stringify(event)
  const timestamp = String(Math.floor(at / 1000))
  return postTo(url, caPem, body, {
    'content-type': 'application/json',
    'x-renkei-timestamp': timestamp,
    'x-renkei-signature': `v1=${opensslSignature(secret, timestamp, body)}`,
  })
}
