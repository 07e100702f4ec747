/** `link.oidc.get` / `link.oidc.update`: the provider mode's settings, with an audit line on change. */
import type { ParsedInput } from '../../../../../shared/api'
import { oidcClientSecretName, type OidcSettings } from '../../../../../shared/model/sitelink-rules'
import type { HistoryRepository } from '../../../history/history-repository'
import type { SecretStore } from '../../../secrets/secret-store'
import { linkCategory } from '../link-context'
import type { OidcSettingsStore } from './oidc-settings-store'

export interface OidcHandlerDeps {
  readonly settings: OidcSettingsStore
  readonly secrets: SecretStore
  readonly history: HistoryRepository
}

export function createOidcHandlers(deps: OidcHandlerDeps) {
  return {
    'link.oidc.get': async (): Promise<OidcSettings> => deps.settings.settings(),
    'link.oidc.update': async (input: ParsedInput<'link.oidc.update'>): Promise<OidcSettings> => {
      const { before, after } = deps.settings.update(input)
      // A removed client's secret must not outlive it (a client re-added later sets a new one).
      const kept = new Set(after.clients.map((client) => client.clientId))
      for (const client of before.clients) {
        if (!kept.has(client.clientId)) await deps.secrets.delete(oidcClientSecretName(client.clientId))
      }
      const state = after.enabled ? { ja: '有効', en: 'on' } : { ja: '無効', en: 'off' }
      const noClient = after.enabled && after.clients.length === 0
      deps.history.append({
        direction: 'local',
        category: linkCategory,
        level: noClient ? 'warning' : 'info',
        message: `OpenID Connect プロバイダー: ${state.ja}、クライアント ${after.clients.length} 件${noClient ? '（クライアントがないため、まだ誰もサインインできません）' : ''}`,
        messageEn: `OpenID Connect provider: ${state.en}, ${after.clients.length} client(s)${noClient ? ' (no client yet, so nobody can sign in)' : ''}`,
        detail: { clients: after.clients.map((client) => client.clientId) },
      })
      return deps.settings.settings()
    },
  }
}
