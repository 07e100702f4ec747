import type { ApiHandlers } from '../../../shared/api'
import { alertWebhookUrlSecret } from '../../../shared/model/alerts'
import { ApiError } from '../../../shared/model/errors'
import { writeAudit } from '../audit'
import { webhookOrigin } from '../connectors/webhook/webhook-connector'
import type { EventBus } from '../event-bus'
import type { HistoryRepository } from '../history/history-repository'
import { RecordedSecretChanges } from '../secrets/recorded-secret-change'
import { listSecrets } from '../secrets/secret-catalog'
import { sendAlert, type AlertSenderDeps } from './alert-sender'
import { checkAlertSettings, type AlertSettingsRepository } from './alert-settings'
import type { AlertItem } from './alert-text'

export interface AlertHandlerDeps extends AlertSenderDeps {
  readonly settings: AlertSettingsRepository
  readonly history: HistoryRepository
  readonly events: EventBus
  readonly now: () => number
}

type AlertMethods = Pick<ApiHandlers, 'alerts.settings.get' | 'alerts.settings.update' | 'alerts.test'>

const notText = new ApiError('invalid-input', {
  ja: 'webhook.url は文字列（URL）か null で指定してください。何も変更していません。',
  en: 'webhook.url must be a string (the URL) or null. Nothing was changed.',
})

/**
 * Takes `webhook.url` out of a patch: it is kept in the keychain, never in the settings document.
 * undefined: not in the patch; null: remove the stored URL.
 */
function splitWebhookUrl(patch: Record<string, unknown>): { rest: unknown; url: string | null | undefined } {
  const webhook = patch['webhook']
  if (typeof webhook !== 'object' || webhook === null || !('url' in webhook))
    return { rest: patch, url: undefined }
  const { url, ...others } = webhook as Record<string, unknown>
  if (url !== null && typeof url !== 'string') throw notText
  return { rest: { ...patch, webhook: others }, url: url === null ? null : url.trim() }
}

function testAlert(at: number): AlertItem {
  return {
    kind: 'test',
    at,
    title: { ja: 'テスト送信', en: 'Test alert' },
    message: {
      ja: 'Renkei の管理者への通知のテストです。このメッセージが届いていれば設定は正しく動いています。',
      en: 'A test of Renkei admin alerts. If this message arrived, the settings work.',
    },
  }
}

/** The alert settings and the test button. The SMTP password goes through `secrets.set` like any secret. */
export function createAlertHandlers(deps: AlertHandlerDeps): AlertMethods {
  const secretChanges = new RecordedSecretChanges(deps.secrets)
  const changeUrl = async (url: string | null): Promise<void> => {
    const changed = await secretChanges.apply(alertWebhookUrlSecret, url, () =>
      writeAudit(
        deps.history,
        url === null
          ? { ja: 'Webhook の URL を削除しました', en: 'Webhook URL removed' }
          : {
              ja: `Webhook の URL を設定しました（${webhookOrigin(url)}、URL 全体はキーチェーンに保存）`,
              en: `Webhook URL set (${webhookOrigin(url)}; the whole URL is kept in the keychain)`,
            },
      ),
    )
    if (changed) {
      deps.events.emit('secrets.changed', await listSecrets(deps.secrets))
    }
  }
  return {
    'alerts.settings.get': async () => deps.settings.get(),
    'alerts.settings.update': async (patch) => {
      const { rest, url } = splitWebhookUrl(patch as Record<string, unknown>)
      const stored = url === null ? false : (await deps.secrets.get(alertWebhookUrlSecret)) !== null
      const { after, changed } = deps.settings.update(rest, { typed: url ?? '', stored })
      if (changed) {
        writeAudit(
          deps.history,
          { ja: '管理者への通知の設定を変更しました', en: 'Admin alert settings changed' },
          { settings: after },
        )
      }
      // A string sets the URL, null removes it; empty or absent keeps the stored one.
      if (url !== undefined && url !== '') await changeUrl(url)
      return after
    },
    'alerts.test': async ({ settings: draft, webhookUrl }) => {
      const stored = (await deps.secrets.get(alertWebhookUrlSecret)) !== null
      // The form's unsaved values when given: the button tests what is on the screen.
      if (draft !== undefined || webhookUrl !== undefined)
        checkAlertSettings(draft ?? deps.settings.get(), { typed: webhookUrl ?? '', stored })
      const settings = draft ?? deps.settings.get()
      if (!settings.email.enabled && !settings.webhook.enabled) {
        throw new ApiError('invalid-input', {
          ja: 'テスト送信する通知先がありません。「メールで通知する」か「Webhook で通知する」をオンにしてください。',
          en: 'There is nowhere to send a test alert. Turn on "Alert by e-mail" or "Alert by webhook".',
        })
      }
      const deliveries = await sendAlert(
        deps,
        settings,
        [testAlert(deps.now())],
        webhookUrl?.trim() || undefined,
      )
      return { deliveries }
    },
  }
}
