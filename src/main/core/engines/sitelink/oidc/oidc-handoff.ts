/**
 * The handoff after an allowed visit (OIDC Core §4, third-party initiated login): with the provider mode
 * on, the browser goes to the relying party's initiate login URI with `iss` and a one-time login grant as
 * `login_hint`; the RP starts a normal code flow carrying the hint, and the provider's interaction
 * consumes it. The target is the first client that has an initiate login URI and a secret.
 */
import type { LoginGrants } from './login-grants'
import type { OidcSettingsStore } from './oidc-settings-store'
import { visitorClaims } from './visitor-accounts'
import type { PartnerResponse } from '../sitelink-ports'
import type { VerifiedVisit, VisitHandoff } from '../visits/visit-ports'

export class OidcHandoff implements VisitHandoff {
  constructor(
    private readonly settings: OidcSettingsStore,
    private readonly grants: LoginGrants,
  ) {}

  async afterAllowedVisit(visit: VerifiedVisit): Promise<PartnerResponse | null> {
    const { enabled, clients } = this.settings.document()
    const issuer = this.settings.issuer()
    if (!enabled || issuer === null || visitorClaims(visit) === null) return null
    for (const client of clients) {
      if (client.initiateLoginUri === null || (await this.settings.secretOf(client.clientId)) === null)
        continue
      const target = new URL(client.initiateLoginUri)
      target.searchParams.set('iss', issuer)
      target.searchParams.set('login_hint', this.grants.issue(visit, client.clientId))
      return { status: 302, headers: { location: target.href } }
    }
    return null
  }
}
