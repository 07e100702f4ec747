/**
 * The OpenID Connect provider mode: oidc-provider mounted below this site's link URL at
 * `renkei-link/v1/oidc` (the issuer), so a partner's groupware can sign in a visitor this site let in.
 * Built on first request for the current issuer (again when the link URL changes), loaded with a dynamic
 * import so the CLI never loads it. Its one interaction is ours: the login hint names a login grant of the
 * handoff; consent is implied for the scopes every client gets (openid profile email).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Adapter, Provider, ProviderContext } from 'oidc-provider'
import type { Localized } from '../../../../../shared/model/localized'
import type { HistoryRepository } from '../../../history/history-repository'
import type { SecretStore } from '../../../secrets/secret-store'
import { linkCategory } from '../link-context'
import type { PartnerMount } from '../sitelink-ports'
import { ClientAdapter, MemoryAdapter } from './oidc-adapter'
import { loadOidcKeys } from './oidc-keys'
import { errorPage, grantRefusals, sendErrorPage } from './oidc-pages'
import { oidcIssuerPath, type OidcSettingsStore } from './oidc-settings-store'
import type { LoginGrants } from './login-grants'
import { scopeClaims, visitorClaims, VisitorAccounts } from './visitor-accounts'

const scopes = ['openid', 'profile', 'email']
/** A sign-in ends well within this; the provider's session, and so the visitor's claims, end with it. */
const sessionSeconds = 600

export interface OidcProviderDeps {
  readonly settings: OidcSettingsStore
  readonly grants: LoginGrants
  readonly secrets: SecretStore
  readonly history: HistoryRepository
  readonly now: () => number
}

interface Built {
  readonly issuer: string
  readonly provider: Promise<{ provider: Provider; callback: ReturnType<Provider['callback']> }>
}

export class OidcProviderMode {
  private built: Built | null = null
  private readonly accounts: VisitorAccounts

  constructor(private readonly deps: OidcProviderDeps) {
    this.accounts = new VisitorAccounts(deps.now, sessionSeconds * 1000)
  }

  /** For the partner listener: every request below the issuer, raw (its URL relative to the mount). */
  mount(): PartnerMount {
    return { prefix: oidcIssuerPath, handle: (req, res) => void this.serve(req, res) }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const issuer = this.deps.settings.issuer()
      if (!this.deps.settings.document().enabled || issuer === null) {
        return sendErrorPage(res, 404, grantRefusals.disabled)
      }
      const { provider, callback } = await this.providerFor(issuer)
      const path = new URL(req.url ?? '/', 'https://mount.invalid').pathname
      if (path.startsWith('/interaction/')) return await this.interaction(provider, req, res)
      callback(req, res)
    } catch {
      if (!res.headersSent) sendErrorPage(res, 500, grantRefusals.failed)
    }
  }

  private providerFor(issuer: string): Built['provider'] {
    if (this.built?.issuer !== issuer) {
      const provider = this.build(issuer)
      // A failure (keychain locked) is not kept: the next request tries again.
      provider.catch(() => {
        if (this.built?.provider === provider) this.built = null
      })
      this.built = { issuer, provider }
    }
    return this.built.provider
  }

  private async build(issuer: string): Built['provider'] {
    const { default: Provider, interactionPolicy } = await import('oidc-provider')
    const keys = await loadOidcKeys(this.deps.secrets)
    const { now, settings } = this.deps
    const adapters = new Map<string, Adapter>()
    const adapter = (name: string): Adapter => {
      let found = adapters.get(name)
      if (found === undefined) {
        found = name === 'Client' ? new ClientAdapter(now, settings) : new MemoryAdapter(now)
        adapters.set(name, found)
      }
      return found
    }
    const policy = interactionPolicy.base()
    // A session never signs in a second visit: every authorization needs its own login grant.
    policy
      .get('login')
      ?.checks.add(
        new interactionPolicy.Check(
          'renkei_visit',
          'each visit signs in with its own login grant',
          (ctx) => ctx.oidc.result?.login === undefined,
        ),
        0,
      )
    const interactionPath = `${new URL(issuer).pathname}/interaction/`
    const provider = new Provider(issuer, {
      adapter,
      clients: [],
      jwks: { keys: [keys.signingJwk] },
      cookies: { keys: [keys.cookieKey] },
      scopes,
      claims: scopeClaims,
      conformIdTokenClaims: false,
      responseTypes: ['code'],
      pkce: { required: () => false },
      features: { devInteractions: { enabled: false } },
      interactions: {
        policy,
        url: (_ctx: unknown, interaction: { uid: string }) => `${interactionPath}${interaction.uid}`,
      },
      loadExistingGrant: (ctx: ProviderContext) => this.impliedGrant(provider, ctx),
      findAccount: (_ctx: unknown, sub: string) => {
        const claims = this.accounts.find(sub)
        return claims === null ? undefined : { accountId: sub, claims: () => claims }
      },
      renderError: (ctx: ProviderContext) => {
        ctx.type = 'html'
        ctx.body = errorPage(grantRefusals.failed)
      },
      ttl: {
        AuthorizationCode: 60,
        IdToken: 300,
        AccessToken: 300,
        Interaction: 120,
        Grant: sessionSeconds,
        Session: sessionSeconds,
      },
      clockTolerance: 0,
    })
    // The visitor sees the ja/en page; the admin finds the cause in the history (never a stack or a token).
    provider.on('server_error', (_ctx, error) => {
      const message = error instanceof Error ? error.message.slice(0, 300) : 'unknown'
      this.deps.history.append({
        direction: 'local',
        category: linkCategory,
        level: 'error',
        message: `OpenID Connect プロバイダーの内部エラー: ${message}`,
        messageEn: `OpenID Connect provider internal error: ${message}`,
      })
    })
    return { provider, callback: provider.callback() }
  }

  /** Consent is part of the link agreement: the scopes every client may have, granted on sign-in. */
  private async impliedGrant(provider: Provider, ctx: ProviderContext) {
    const accountId = ctx.oidc.session.accountId
    if (accountId === undefined) return undefined
    const grant = new provider.Grant({ accountId, clientId: ctx.oidc.client.clientId })
    grant.addOIDCScope(scopes.join(' '))
    await grant.save()
    return grant
  }

  private async interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res).catch(() => null)
    if (details === null) return sendErrorPage(res, 400, grantRefusals.failed)
    const clientId = String(details.params.client_id ?? '')
    const hint = details.params.login_hint
    if (details.prompt.name !== 'login' || typeof hint !== 'string' || hint === '') {
      return this.refuse(res, grantRefusals['no-hint'], clientId)
    }
    const taken = this.deps.grants.take(hint, clientId)
    if ('refused' in taken) return this.refuse(res, grantRefusals[taken.refused], clientId)
    const claims = visitorClaims(taken.visit)
    if (claims === null) return this.refuse(res, grantRefusals.failed, clientId)
    this.accounts.remember(claims)
    this.deps.history.append({
      direction: 'receive',
      category: linkCategory,
      level: 'info',
      site: taken.visit.partnerName,
      message: `OpenID Connect: ${claims.name}（${taken.visit.partnerName}）が「${clientId}」にサインインします`,
      messageEn: `OpenID Connect: ${claims.name} (${taken.visit.partnerName}) signs in to "${clientId}"`,
      detail: { linkId: taken.visit.linkId, clientId, permission: claims.renkei_permission },
    })
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: claims.sub } },
      {
        mergeWithLastSubmission: false,
      },
    )
  }

  private refuse(res: ServerResponse, reason: Localized, clientId: string): void {
    this.deps.history.append({
      direction: 'receive',
      category: linkCategory,
      level: 'warning',
      message: `OpenID Connect のサインインを断りました（クライアント「${clientId}」）: ${reason.ja}`,
      messageEn: `OpenID Connect sign-in refused (client "${clientId}"): ${reason.en}`,
      detail: { clientId },
    })
    sendErrorPage(res, 400, reason)
  }
}
