import type { ApiHandlers } from '../../../../shared/api'
import { ApiError } from '../../../../shared/model/errors'
import {
  linkEndpointPassphraseSecret,
  type LinkEndpointState,
} from '../../../../shared/model/sitelink-endpoint'
import { writeAudit } from '../../audit'
import type { HistoryRepository } from '../../history/history-repository'
import type { SecretStore } from '../../secrets/secret-store'
import type { EndpointStore } from './endpoint-store'
import type { PartnerEndpoint } from './partner-endpoint'

export interface EndpointHandlerDeps {
  readonly store: EndpointStore
  readonly endpoint: PartnerEndpoint
  readonly secrets: SecretStore
  readonly history: HistoryRepository
}

type EndpointMethods = Pick<ApiHandlers, 'link.endpoint.get' | 'link.endpoint.update'>

export function createEndpointHandlers(deps: EndpointHandlerDeps): EndpointMethods {
  const state = async (): Promise<LinkEndpointState> => {
    const { running, error } = deps.endpoint.status()
    return {
      settings: deps.store.settings(),
      running,
      error,
      passphraseSet: (await deps.secrets.get(linkEndpointPassphraseSecret)) !== null,
    }
  }
  return {
    'link.endpoint.get': state,
    // Always restarts (re-reading certificate files and the passphrase): how a renewed certificate or a
    // new passphrase takes effect. A listener that cannot start refuses the change and the old one runs on.
    'link.endpoint.update': async (patch) => {
      const before = deps.store.settings()
      const after = deps.store.draft(patch)
      const failed = await deps.endpoint.apply(after)
      if (failed) {
        await deps.endpoint.apply(before)
        throw new ApiError('invalid-input', {
          ja: `${failed.ja} 何も変更していません。`,
          en: `${failed.en} Nothing was changed.`,
        })
      }
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        deps.store.save(after)
        writeAudit(
          deps.history,
          {
            ja: `連携用エンドポイントの設定を変更しました（${after.enabled ? `${after.bindAddress}:${after.port} で待ち受け` : '停止'}）`,
            en: `Partner endpoint settings changed (${after.enabled ? `listening on ${after.bindAddress}:${after.port}` : 'stopped'})`,
          },
          { before, after },
        )
      }
      return state()
    },
  }
}
