/**
 * PKCE (RFC 7636) and the `state` value for the installed-app flow: secrets made fresh for every
 * authorization, so a code caught on the way back to the loopback listener is useless to anyone else.
 */
import { createHash, randomBytes } from 'node:crypto'

export interface PkcePair {
  /** 43 characters of base64url (32 random bytes): the shortest RFC 7636 allows, with 256 bits of entropy. */
  readonly verifier: string
  readonly challenge: string
  readonly method: 'S256'
}

/** BASE64URL(SHA256(verifier)), the only method Google and oidc-provider accept for a native client. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' }
}

/** Ties the browser's answer to this request (and to this app), against forged redirects. */
export function createState(): string {
  return randomBytes(24).toString('base64url')
}
