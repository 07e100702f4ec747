/**
 * RFC 9421 message signatures (Ed25519) over method, path, authority and an RFC 9530 Content-Digest of the
 * body, with `created`, a random nonce, `keyid` and `alg`. Verification refuses unknown keys, bad
 * signatures, altered bodies, signatures more than 5 minutes off this site's clock and replayed nonces.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { createSigner, createVerifier, ExpiredError, httpbis } from 'http-message-signatures'
import type { SignatureParameters } from 'http-message-signatures'
import type { PartnerRefusalCode } from './partner-refusals'
import type { SigningKey } from './site-key'

export const signedComponents = ['@method', '@path', '@authority', 'content-digest']
const signedParams = ['created', 'nonce', 'keyid', 'alg']
/** How far a signature's `created` may be from this site's clock, either way. */
export const maxClockSkewMs = 5 * 60_000

/** RFC 9530 `Content-Digest` of a body (empty for a GET). */
export function contentDigest(body: Uint8Array): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`
}

export interface OutboundMessage {
  readonly method: string
  readonly url: URL
  readonly body: Uint8Array
}

/** The headers to add to a request: Content-Digest, Signature-Input and Signature. */
export async function signRequest(
  message: OutboundMessage,
  key: SigningKey,
  now: number,
): Promise<Record<string, string>> {
  const signed = await httpbis.signMessage(
    {
      key: createSigner(key.privateKey, 'ed25519', key.keyId),
      fields: signedComponents,
      params: signedParams,
      paramValues: { created: new Date(now), nonce: randomBytes(16).toString('base64url') },
    },
    {
      method: message.method,
      url: message.url.href,
      headers: { 'content-digest': contentDigest(message.body) },
    },
  )
  return signed.headers as Record<string, string>
}

export interface InboundMessage {
  readonly method: string
  /** As the client addressed it: https://<Host header><request target>. */
  readonly url: URL
  readonly headers: IncomingHttpHeaders
  readonly body: Uint8Array
}

export interface VerifyDeps {
  readonly now: number
  /** The PEM public key of a key id; null = unknown. */
  publicKeyFor(keyId: string): string | null
  /** Records the nonce; false when the key already used it. */
  rememberNonce(keyId: string, nonce: string, now: number): boolean
}

export type Verified =
  { readonly ok: true; readonly keyId: string } | { readonly ok: false; readonly code: PartnerRefusalCode }

function digestMatches(header: string | string[] | undefined, body: Uint8Array): boolean {
  if (typeof header !== 'string') return false
  const expected = contentDigest(body)
  return header.split(',').some((part) => part.trim() === expected)
}

interface Looked {
  count: number
  keyId: string | null
  unknown: boolean
  params: SignatureParameters | null
}

export async function verifyRequest(message: InboundMessage, deps: VerifyDeps): Promise<Verified> {
  const { headers } = message
  if (headers['signature'] === undefined || headers['signature-input'] === undefined) {
    return { ok: false, code: 'unsigned' }
  }
  if (!digestMatches(headers['content-digest'], message.body)) return { ok: false, code: 'digest-mismatch' }
  const looked: Looked = { count: 0, keyId: null, unknown: false, params: null }
  let result: boolean | null
  try {
    result = await httpbis.verifyMessage(
      {
        keyLookup: async (params) => {
          looked.count += 1
          looked.params = params
          const pem = typeof params.keyid === 'string' ? deps.publicKeyFor(params.keyid) : null
          if (pem === null) {
            looked.unknown = true
            return null
          }
          looked.keyId = params.keyid as string
          return { id: looked.keyId, algs: ['ed25519'], verify: createVerifier(pem, 'ed25519') }
        },
        // The library compares with its own Date.now(); the future bound is given from our clock instead.
        notAfter: Math.floor((deps.now + maxClockSkewMs) / 1000),
        requiredParams: signedParams,
        requiredFields: signedComponents,
      },
      { method: message.method, url: message.url.href, headers: headers as Record<string, string> },
    )
  } catch (error) {
    return { ok: false, code: error instanceof ExpiredError ? 'stale' : 'bad-signature' }
  }
  // Exactly one signature: a second one could carry a key other than the one the route acts on.
  if (looked.count !== 1) return { ok: false, code: 'bad-signature' }
  if (looked.unknown) return { ok: false, code: 'unknown-key' }
  if (result !== true || looked.keyId === null) return { ok: false, code: 'bad-signature' }
  const created = looked.params?.created
  if (!(created instanceof Date) || deps.now - created.getTime() > maxClockSkewMs) {
    return { ok: false, code: 'stale' }
  }
  const nonce = looked.params?.nonce
  if (typeof nonce !== 'string' || nonce.length < 16) return { ok: false, code: 'bad-signature' }
  if (!deps.rememberNonce(looked.keyId, nonce, deps.now)) return { ok: false, code: 'replay' }
  return { ok: true, keyId: looked.keyId }
}
