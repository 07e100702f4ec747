import type { ApiHandlers } from '../../../shared/api'
import { networkProxyPasswordSecret, type NetworkState } from '../../../shared/model/network'
import { writeAudit } from '../audit'
import type { HistoryRepository } from '../history/history-repository'
import type { SecretStore } from '../secrets/secret-store'
import type { NetworkLayer } from './network-layer'
import type { NetworkStore } from './network-store'
import { testConnection } from './network-test'

export interface NetworkHandlerDeps {
  readonly store: NetworkStore
  readonly layer: NetworkLayer
  readonly secrets: SecretStore
  readonly history: HistoryRepository
  readonly systemAvailable: boolean
  readonly now: () => number
}

type NetworkMethods = Pick<
  ApiHandlers,
  'network.get' | 'network.update' | 'network.ca.add' | 'network.ca.remove' | 'network.test'
>

export function createNetworkHandlers(deps: NetworkHandlerDeps): NetworkMethods {
  const state = async (): Promise<NetworkState> => ({
    settings: deps.store.settings(),
    trustedCas: deps.store.trustedCas(),
    systemAvailable: deps.systemAvailable,
    passwordSet: (await deps.secrets.get(networkProxyPasswordSecret)) !== null,
  })
  return {
    'network.get': state,
    'network.update': async (patch) => {
      const { before, after } = deps.store.update(patch, deps.systemAvailable)
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        deps.layer.changed()
        writeAudit(
          deps.history,
          {
            ja: `ネットワークの設定を変更しました（プロキシ: ${after.mode}）`,
            en: `Network settings changed (proxy: ${after.mode})`,
          },
          { before, after },
        )
      }
      return state()
    },
    'network.ca.add': async ({ pem }) => {
      const added = deps.store.add(pem, deps.now())
      deps.layer.changed()
      const subject = added.certificates[0]!.subject
      writeAudit(deps.history, {
        ja: `信頼する CA を追加しました（${subject}）`,
        en: `Trusted CA added (${subject})`,
      })
      return state()
    },
    'network.ca.remove': async ({ id }) => {
      const removed = deps.store.remove(id)
      deps.layer.changed()
      const subject = removed.certificates[0]!.subject
      writeAudit(deps.history, {
        ja: `信頼する CA を削除しました（${subject}）`,
        en: `Trusted CA removed (${subject})`,
      })
      return state()
    },
    'network.test': async ({ url }) => testConnection(deps.layer, url),
  }
}
