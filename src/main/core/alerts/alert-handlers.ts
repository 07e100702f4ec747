import type { ApiHandlers } from '../../../shared/api'
import { ApiError } from '../../../shared/model/errors'
import { writeAudit } from '../audit'
import type { HistoryRepository } from '../history/history-repository'
import { sendAlert, type AlertSenderDeps } from './alert-sender'
import { checkAlertSettings, type AlertSettingsRepository } from './alert-settings'

export interface AlertHandlerDeps extends AlertSenderDeps {
  readonly settings: AlertSettingsRepository
  readonly history: HistoryRepository
  readonly now: () => number
}

type AlertMethods = Pick<ApiHandlers, 'alerts.settings.get' | 'alerts.settings.update' | 'alerts.test'>

/** The alert settings and the test button. The SMTP password goes through `secrets.set` like any secret. */
export function createAlertHandlers(deps: AlertHandlerDeps): AlertMethods {
  return {
    'alerts.settings.get': async () => deps.settings.get(),
    'alerts.settings.update': async (patch) => {
      const { after, changed } = deps.settings.update(patch)
      if (changed) {
        writeAudit(
          deps.history,
          { ja: '管理者への通知の設定を変更しました', en: 'Admin alert settings changed' },
          { settings: after },
        )
      }
      return after
    },
    'alerts.test': async ({ settings: draft }) => {
      // The form's unsaved values when given: the button tests what is on the screen.
      if (draft !== undefined) checkAlertSettings(draft)
      const settings = draft ?? deps.settings.get()
      if (!settings.email.enabled && !settings.webhook.enabled) {
        throw new ApiError('invalid-input', {
          ja: 'テスト送信する通知先がありません。「メールで通知する」か「Webhook で通知する」をオンにしてください。',
          en: 'There is nowhere to send a test alert. Turn on "Alert by e-mail" or "Alert by webhook".',
        })
      }
      const deliveries = await sendAlert(deps, settings, [
        {
          kind: 'test',
          at: deps.now(),
          title: { ja: 'テスト送信', en: 'Test alert' },
          message: {
            ja: 'Renkei の管理者への通知のテストです。このメッセージが届いていれば設定は正しく動いています。',
            en: 'A test of Renkei admin alerts. If this message arrived, the settings work.',
          },
        },
      ])
      return { deliveries }
    },
  }
}
