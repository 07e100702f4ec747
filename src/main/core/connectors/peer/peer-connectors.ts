/**
 * The site link transport as the composition root builds it once: this site's key, the outbound client on
 * the network layer, and the partner endpoint with its settings store.
 */
import type { Clock } from '../../clock'
import type { PartnerClient } from '../../engines/sitelink/sitelink-ports'
import type { NetworkLayer } from '../../network/network-layer'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/database'
import { EndpointStore } from './endpoint-store'
import { LinkNonceRepository } from './nonce-repository'
import { createPartnerClient } from './partner-client'
import { PartnerEndpoint } from './partner-endpoint'
import { KeychainSiteKey } from './site-key'

export interface PeerConnectors {
  readonly siteKey: KeychainSiteKey
  readonly client: PartnerClient
  readonly endpoint: PartnerEndpoint
  readonly endpointStore: EndpointStore
}

export function createPeerConnectors(deps: {
  readonly db: Db
  readonly secrets: SecretStore
  readonly network: NetworkLayer
  readonly clock: Clock
  /** false: settings changes check the certificate but never listen (CLI commands). */
  readonly listen: boolean
}): PeerConnectors {
  const siteKey = new KeychainSiteKey(deps.secrets)
  return {
    siteKey,
    client: createPartnerClient({
      network: deps.network,
      clock: deps.clock,
      signingKey: () => siteKey.signingKey(),
    }),
    endpoint: new PartnerEndpoint({
      secrets: deps.secrets,
      nonces: new LinkNonceRepository(deps.db),
      clock: deps.clock,
      listen: deps.listen,
    }),
    endpointStore: new EndpointStore(deps.db),
  }
}
