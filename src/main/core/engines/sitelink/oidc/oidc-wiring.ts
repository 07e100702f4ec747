/** The OIDC provider mode as the site link builds it once: settings, handoff, the mount, the API. */
import type { HistoryRepository } from '../../../history/history-repository'
import type { SecretStore } from '../../../secrets/secret-store'
import type { Db } from '../../../store/database'
import type { PartnerMount } from '../sitelink-ports'
import { LoginGrants } from './login-grants'
import { OidcHandoff } from './oidc-handoff'
import { createOidcHandlers } from './oidc-handlers'
import { OidcProviderMode } from './oidc-provider-mode'
import { OidcSettingsStore } from './oidc-settings-store'
import type { VisitHandoff } from '../visits/visit-ports'

export interface OidcProviderParts {
  readonly mount: PartnerMount
  readonly handoff: VisitHandoff
  readonly handlers: ReturnType<typeof createOidcHandlers>
}

export function createOidcProvider(deps: {
  readonly db: Db
  readonly secrets: SecretStore
  readonly history: HistoryRepository
  readonly now: () => number
  readonly linkUrl: () => string | null
}): OidcProviderParts {
  const settings = new OidcSettingsStore(deps.db, deps.secrets, deps.linkUrl)
  const grants = new LoginGrants(deps.now)
  const mode = new OidcProviderMode({
    settings,
    grants,
    secrets: deps.secrets,
    history: deps.history,
    now: deps.now,
  })
  return {
    mount: mode.mount(),
    handoff: new OidcHandoff(settings, grants),
    handlers: createOidcHandlers({ settings, secrets: deps.secrets, history: deps.history }),
  }
}
