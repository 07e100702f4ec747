import { ApiError } from '../../../shared/model/errors'
import {
  alertSettings,
  alertSettingsProblems,
  type AlertSettings,
  type WebhookUrlState,
} from '../../../shared/model/alerts'
import { JsonSetting, type PatchResult } from '../settings/json-setting'
import type { Db } from '../store/database'

const title = { ja: '管理者への通知の設定', en: 'admin alert settings' }

function refused(problems: { ja: string; en: string }[]): ApiError {
  return new ApiError('invalid-input', {
    ja: `${title.ja}を保存できません。何も変更していません（${problems.map((p) => p.ja).join('; ')}）`,
    en: `The ${title.en} cannot be saved; nothing was changed (${problems.map((p) => p.en).join('; ')})`,
  })
}

/** Throws the bilingual refusal when the settings (and the webhook URL) cannot be used as they are. */
export function checkAlertSettings(settings: AlertSettings, webhookUrl: WebhookUrlState): void {
  const problems = alertSettingsProblems(settings, webhookUrl).map(({ path, message }) => ({
    ja: `${path}: ${message.ja}`,
    en: `${path}: ${message.en}`,
  }))
  if (problems.length > 0) throw refused(problems)
}

/** The alert settings: one JSON document in the settings table (no migration), secrets in the keychain. */
export class AlertSettingsRepository {
  private readonly setting: JsonSetting<typeof alertSettings>

  constructor(db: Db) {
    this.setting = new JsonSetting(db, 'alerts.settings', alertSettings, title)
  }

  get(): AlertSettings {
    return this.setting.get()
  }

  update(patch: unknown, webhookUrl: WebhookUrlState): PatchResult<AlertSettings> {
    return this.setting.update(patch, (settings) => checkAlertSettings(settings, webhookUrl))
  }
}
