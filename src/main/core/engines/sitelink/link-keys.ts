/** Partner public keys as the transport verifies signatures with them: only pending and linked links count. */
import type { PartnerKeys } from './sitelink-ports'
import type { LinkRepository } from './link-repository'

export function linkPartnerKeys(links: LinkRepository): PartnerKeys {
  return { publicKeyFor: (keyId) => links.activeByKey(keyId)?.partnerPublicKey ?? null }
}
