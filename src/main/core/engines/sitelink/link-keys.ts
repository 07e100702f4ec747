/** Partner public keys as the transport verifies signatures with them: only pending and linked links count. */
import { keyIdOf } from '../../connectors/peer/site-key'
import type { PartnerKeys } from './sitelink-ports'
import type { LinkRepository } from './link-repository'

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
