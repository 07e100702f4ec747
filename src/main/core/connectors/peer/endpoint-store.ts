/** The partner endpoint's settings document (`sitelink.endpoint`): paths only, no key and no passphrase. */
import { isIP } from 'node:net'
import { ApiError } from '../../../../shared/model/errors'
import { linkEndpointSettings, type LinkEndpointSettings } from '../../../../shared/model/sitelink-endpoint'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'

const title = { ja: '連携用エンドポイントの設定', en: 'partner endpoint settings' }

function check(value: LinkEndpointSettings): void {
  if (isIP(value.bindAddress) === 0) {
    throw new ApiError('invalid-input', {
      ja: `${title.ja}を変更できません。何も変更していません（bindAddress: IP アドレスで指定してください。すべてのアドレスで待ち受けるには 0.0.0.0）`,
      en: `The ${title.en} cannot be changed; nothing was changed (bindAddress: must be an IP address; 0.0.0.0 listens on all)`,
    })
  }
}

export class EndpointStore {
  private readonly doc: JsonSetting<typeof linkEndpointSettings>

  constructor(db: Db) {
    this.doc = new JsonSetting(db, 'sitelink.endpoint', linkEndpointSettings, title)
  }

  settings(): LinkEndpointSettings {
    return this.doc.get()
  }

  /** What a patch would store, checked; stores nothing (the listener is tried first). */
  draft(patch: unknown): LinkEndpointSettings {
    return this.doc.draft(patch, check)
  }

  save(value: LinkEndpointSettings): void {
    this.doc.save(value)
  }
}
