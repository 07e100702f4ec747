/**
 * One-time visit tokens: base64url(JSON payload) "." base64url(Ed25519 signature over the payload bytes),
 * signed with the home site's key. The token is the credential of the visit URL: 128 random bits make it
 * unique (`jti`), 60 seconds make it short-lived, the partner's used-token table makes it single-use.
 */
import { createPublicKey, randomBytes, verify } from 'node:crypto'
import { z } from 'zod'
import { visitTokenLifetimeMs } from '../../../../../shared/model/sitelink-rules'
import type { SiteKey } from '../sitelink-ports'

const keyId = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

const visitPayload = z
  .object({
    v: z.literal(1),
    iss: keyId,
    aud: keyId,
    sub: z.string().min(1).max(200),
    jti: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    iat: z.number().int().nonnegative(),
    exp: z.number().int().nonnegative(),
  })
  .strict()
  // A signer may not stretch a token's life beyond the contract's 60 seconds.
  .refine((p) => p.exp > p.iat && p.exp - p.iat <= visitTokenLifetimeMs)
export type VisitPayload = z.infer<typeof visitPayload>

/** Far larger than any real token (~400 characters); anything longer is not read. */
const maxTokenLength = 2_000

export async function issueVisitToken(
  siteKey: SiteKey,
  claims: { readonly aud: string; readonly sub: string; readonly iat: number },
): Promise<{ readonly token: string; readonly payload: VisitPayload }> {
  const { keyId: iss } = await siteKey.publicKey()
  const payload: VisitPayload = {
    v: 1,
    iss,
    aud: claims.aud,
    sub: claims.sub,
    jti: randomBytes(16).toString('base64url'),
    iat: claims.iat,
    exp: claims.iat + visitTokenLifetimeMs,
  }
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8')
  const signature = await siteKey.sign(bytes)
  return { token: `${bytes.toString('base64url')}.${Buffer.from(signature).toString('base64url')}`, payload }
}

/** A token split and its payload read, not yet verified: `iss` says whose key to verify it with. */
export interface ParsedVisitToken {
  readonly payload: VisitPayload
  readonly payloadBytes: Buffer
  readonly signature: Buffer
}

const base64url = /^[A-Za-z0-9_-]+$/

/** Null for anything that is not a well-formed token (wrong shape, bad encoding, unknown fields). */
export function parseVisitToken(token: string): ParsedVisitToken | null {
  if (token.length > maxTokenLength) return null
  const parts = token.split('.')
  if (parts.length !== 2 || !parts.every((part) => base64url.test(part))) return null
  const payloadBytes = Buffer.from(parts[0]!, 'base64url')
  const signature = Buffer.from(parts[1]!, 'base64url')
  let json: unknown
  try {
    json = JSON.parse(payloadBytes.toString('utf8'))
  } catch {
    return null
  }
  const payload = visitPayload.safeParse(json)
  return payload.success ? { payload: payload.data, payloadBytes, signature } : null
}

/** The signature over the payload bytes exactly as received, with the signer's public key (PEM). */
export function visitSignatureValid(token: ParsedVisitToken, publicKeyPem: string): boolean {
  try {
    return verify(null, token.payloadBytes, createPublicKey(publicKeyPem), token.signature)
  } catch {
    return false
  }
}
