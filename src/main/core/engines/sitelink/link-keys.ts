/** Partner public keys as the transport verifies signatures with them: only pending and linked links count. */
import { createHash, createPublicKey } from 'node:crypto'
import type { PartnerKeys } from './sitelink-ports'
import type { LinkRepository } from './link-repository'

/** base64url SHA-256 of the SPKI DER public key: the same id `SiteKey` gives this site's own key. */
export function keyIdOf(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64url')
}

/** The key id of a PEM a partner sent, or null when it is not a public key (a malformed or hostile body). */
export function keyIdOfSent(pem: string): string | null {
  try {
    return keyIdOf(pem)
  } catch {
    return null
  }
}

export function linkPartnerKeys(links: LinkRepository): PartnerKeys {
  return { publicKeyFor: (keyId) => links.activeByKey(keyId)?.partnerPublicKey ?? null }
}
