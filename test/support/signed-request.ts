/**
 * A signed partner request sent by hand over HTTPS, for tests that play a man in the middle: the body may be
 * changed after signing (tampering), or the very same signed bytes sent twice (replay).
 */
import { request } from 'node:https'
import type { KeyObject } from 'node:crypto'
import { signRequest } from '../../src/main/core/connectors/peer/message-signing'

export interface SignedRequest {
  readonly url: URL
  readonly headers: Record<string, string>
  body: Buffer
}

/** POST `body` (JSON) to `url`, signed with `key` at `now`. */
export async function signedPost(
  url: string,
  body: unknown,
  key: { readonly keyId: string; readonly privateKey: KeyObject },
  now: number,
): Promise<SignedRequest> {
  const bytes = Buffer.from(JSON.stringify(body))
  const headers = await signRequest({ method: 'POST', url: new URL(url), body: bytes }, key, now)
  return { url: new URL(url), headers, body: bytes }
}

/** Sends it as it is now, trusting `caPem`; answers the status and the parsed body. */
export function sendSigned(
  signed: SignedRequest,
  caPem: string,
): Promise<{ status: number; body: { error?: { code: string; ja: string; en: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      signed.url,
      {
        method: 'POST',
        ca: caPem,
        headers: {
          ...signed.headers,
          'content-type': 'application/json',
          'content-length': String(signed.body.length),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }))
      },
    )
    req.on('error', reject)
    req.end(signed.body)
  })
}
