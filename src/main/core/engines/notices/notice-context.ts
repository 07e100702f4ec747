import type { EngineContext } from '../engine-context'

/** What every part of the notice relay may use; built once in the composition root. */
export interface NoticeContext extends EngineContext {
  /** Trusted CA PEMs of the network settings, for connectors that are not fetch (SMTP, XMPP). */
  readonly trustedCaPems: () => readonly string[]
  /** This site's partner-facing base URL (`https://host/renkei/`), or null while it has none. */
  readonly publicBaseUrl: () => string | null
  /** The daemon's own URL on 127.0.0.1 (`http://127.0.0.1:<port>/`), where it serves the gadget too; absent elsewhere. */
  readonly localBaseUrl?: () => string | null
  /** The data directory's site name, for Message-IDs and the gadget's title. */
  readonly siteName: () => string
}
