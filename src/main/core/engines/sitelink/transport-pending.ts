/**
 * Until the HTTPS transport (connectors/peer) is merged, a core built without a partner client and site
 * key says so in both languages instead of failing obscurely. Tests pass their own (test/support).
 */
import { ApiError } from '../../../../shared/model/errors'
import type { PartnerClient, SiteKey } from './sitelink-ports'

function unavailable(): never {
  throw new ApiError('internal', {
    ja: 'サイト連携の通信部分がまだ組み込まれていません（このビルドではリンクを作れません）。',
    en: 'The site link transport is not part of this build yet (links cannot be made here).',
  })
}

export const pendingPartnerClient: PartnerClient = {
  getPublic: async () => unavailable(),
  send: async () => unavailable(),
}

export const pendingSiteKey: SiteKey = { publicKey: async () => unavailable() }
