import {
  alertSmtpPasswordSecret,
  alertWebhookUrlSecret,
  type AlertChannel,
  type AlertDelivery,
  type AlertSettings,
} from '../../../shared/model/alerts'
import type { Localized } from '../../../shared/model/localized'
import { ConnectorError } from '../connectors/connector-error'
import { sendMail } from '../connectors/smtp/smtp-connector'
import { postJson } from '../connectors/webhook/webhook-connector'
import type { HistoryRepository } from '../history/history-repository'
import type { SecretStore } from '../secrets/secret-store'
import { composeAlert, webhookPayload, type AlertItem, type AlertMessage } from './alert-text'

export interface AlertSenderDeps {
  readonly history: HistoryRepository
  readonly secrets: SecretStore
  /** Replaceable for tests of the receiver's side; the real one follows the shared redirect policy. */
  readonly fetch?: typeof fetch
}

const channelNames: Record<AlertChannel, Localized> = {
  email: { ja: 'メール', en: 'E-mail' },
  webhook: { ja: 'Webhook', en: 'Webhook' },
}

async function sendEmail(
  settings: AlertSettings['email'],
  secrets: SecretStore,
  message: AlertMessage,
): Promise<Localized> {
  const password = settings.username ? await secrets.get(alertSmtpPasswordSecret) : null
  if (settings.username && password === null) {
    throw new ConnectorError('auth', {
      ja: `SMTP のユーザー名「${settings.username}」のパスワードがキーチェーンにありません。設定画面でパスワードを入力してください。`,
      en: `There is no password in the keychain for the SMTP user "${settings.username}". Type it on the Settings screen.`,
    })
  }
  await sendMail({ ...settings, password }, { from: settings.from, to: settings.to, ...message })
  const to = settings.to.join(', ')
  return { ja: `${to} に送信しました`, en: `Sent to ${to}` }
}

async function sendWebhook(deps: AlertSenderDeps, message: AlertMessage, typed?: string): Promise<Localized> {
  const url = typed ?? (await deps.secrets.get(alertWebhookUrlSecret))
  if (url === null) {
    throw new ConnectorError('permanent', {
      ja: 'Webhook の URL がキーチェーンにありません。設定画面で URL を入力してください。',
      en: 'There is no webhook URL in the keychain. Type it on the Settings screen.',
    })
  }
  const { status } = await postJson(url, webhookPayload(message), deps.fetch)
  const origin = new URL(url).origin
  return { ja: `${origin} が受け取りました（HTTP ${status}）`, en: `${origin} took it (HTTP ${status})` }
}

function failureText(error: unknown): { text: Localized; serverAnswer: string | null } {
  if (error instanceof ConnectorError) return { text: error.localized, serverAnswer: error.serverAnswer }
  const text = error instanceof Error ? error.message : String(error)
  return { text: { ja: `予期しないエラー: ${text}`, en: `Unexpected error: ${text}` }, serverAnswer: null }
}

/**
 * Sends one message through every enabled channel, each on its own: a broken SMTP server does not keep
 * the webhook from being called. Never throws; each channel's outcome is a line in the history
 * (category "alerts") and a delivery in the result.
 */
export async function sendAlert(
  deps: AlertSenderDeps,
  settings: AlertSettings,
  items: readonly AlertItem[],
  /** A URL typed on the screen and not saved yet (the test button); otherwise the keychain's. */
  webhookUrl?: string,
): Promise<readonly AlertDelivery[]> {
  const message = composeAlert(items)
  const channels: [AlertChannel, () => Promise<Localized>][] = []
  if (settings.email.enabled) channels.push(['email', () => sendEmail(settings.email, deps.secrets, message)])
  if (settings.webhook.enabled) channels.push(['webhook', () => sendWebhook(deps, message, webhookUrl)])
  return Promise.all(
    channels.map(async ([channel, send]): Promise<AlertDelivery> => {
      const name = channelNames[channel]
      const kinds = items.map((item) => item.kind)
      try {
        const done = await send()
        deps.history.append({
          direction: 'send',
          category: 'alerts',
          level: 'info',
          message: `管理者への通知（${name.ja}）: ${message.subject}: ${done.ja}`,
          messageEn: `Admin alert (${name.en}): ${message.subject}: ${done.en}`,
          detail: { channel, kinds },
        })
        return { channel, ok: true, message: done }
      } catch (error) {
        const { text, serverAnswer } = failureText(error)
        deps.history.append({
          direction: 'send',
          category: 'alerts',
          level: 'error',
          message: `管理者への通知（${name.ja}）を送れませんでした: ${text.ja}`,
          messageEn: `Could not send the admin alert (${name.en}): ${text.en}`,
          detail: { channel, kinds, subject: message.subject, serverAnswer },
        })
        return { channel, ok: false, message: text }
      }
    }),
  )
}
