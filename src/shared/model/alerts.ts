import { z } from 'zod'
import type { Localized } from './localized'
import { httpUrlProblem } from './url-credentials'

/**
 * Admin alerts: an e-mail over SMTP and/or a webhook (HTTP POST of JSON) when a job fails or a calendar
 * user is stopped automatically. Two values are never here but in the keychain: the SMTP password
 * (`alertSmtpPasswordSecret`) and the webhook URL (`alertWebhookUrlSecret`: chat services put their
 * token in it). Fields are only typed here; what they must look like is checked by
 * `alertSettingsProblems`, which says it in both languages.
 */
export const smtpSecurities = ['none', 'starttls', 'tls'] as const
export type SmtpSecurity = (typeof smtpSecurities)[number]

/** Keychain name of the SMTP password (used only when a user name is set). */
export const alertSmtpPasswordSecret = 'alerts.smtp.password'

/** Keychain name of the webhook URL: Slack, Teams or Mattermost webhook URLs are credentials themselves. */
export const alertWebhookUrlSecret = 'alerts.webhook.url'

/** The most recipients one alert goes to: a list, not a mailing list. */
export const maxAlertRecipients = 20

export const alertEmailSettings = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().trim().max(253).default(''),
    port: z.number().int().default(587),
    security: z.enum(smtpSecurities).default('starttls'),
    from: z.string().trim().max(320).default(''),
    to: z.array(z.string().trim().max(320)).max(1000).default([]),
    /** Empty: the server takes mail without signing in. */
    username: z.string().trim().max(200).default(''),
    /** PEM of a certificate to trust besides the system's (a server with a self-signed certificate). */
    trustedCertificate: z.string().trim().max(20_000).default(''),
  })
  .strict()

/** The URL itself is the keychain secret `alertWebhookUrlSecret`. */
export const alertWebhookSettings = z.object({ enabled: z.boolean().default(false) }).strict()

/** The longest webhook URL accepted. */
export const maxWebhookUrlLength = 2000

/** The webhook URL as the checks see it: typed now (empty: not typed), and whether one is stored. */
export interface WebhookUrlState {
  readonly typed: string
  readonly stored: boolean
}

export const alertSettings = z
  .object({
    email: alertEmailSettings.default(alertEmailSettings.parse({})),
    webhook: alertWebhookSettings.default(alertWebhookSettings.parse({})),
  })
  .strict()
export type AlertSettings = z.infer<typeof alertSettings>
export type AlertSettingsInput = z.input<typeof alertSettings>

/**
 * What `alerts.settings.update` takes: the settings, and `webhook.url` when one was typed — it goes to
 * the keychain, never into the settings document (null removes it).
 */
export type AlertSettingsUpdate = Omit<AlertSettingsInput, 'webhook'> & {
  readonly webhook?: { readonly enabled?: boolean; readonly url?: string }
}

export type AlertChannel = 'email' | 'webhook'

/** What one channel did with one alert (or with the test alert). */
export interface AlertDelivery {
  readonly channel: AlertChannel
  readonly ok: boolean
  /** Where it went (the recipients, the webhook's host) or why it did not. */
  readonly message: Localized
}

export interface AlertTestResult {
  readonly deliveries: readonly AlertDelivery[]
}

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i
const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** A DNS name, an IPv4 address or an IPv6 address (with or without brackets). */
export function isMailHost(host: string): boolean {
  const v4 = ipv4.exec(host)
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255)
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  if (bare.includes(':')) return /^[0-9a-f:.]+$/i.test(bare) && bare.split(':').length <= 9
  return host.length <= 253 && host.split('.').every((label) => hostLabel.test(label))
}

/** One address as SMTP carries it (no display name, no spaces, no line breaks: nothing to inject a header with). */
export function isMailAddress(address: string): boolean {
  const at = address.lastIndexOf('@')
  if (at < 1 || address.length > 320) return false
  const local = address.slice(0, at)
  const domain = address.slice(at + 1)
  return /^[^\s@<>()[\]\\,;:"]+$/.test(local) && isMailHost(domain) && domain.includes('.')
}

function webhookUrlProblem(url: string): Localized | null {
  if (url.length > maxWebhookUrlLength)
    return {
      ja: `${maxWebhookUrlLength} 文字以下にしてください`,
      en: `must be at most ${maxWebhookUrlLength} characters`,
    }
  return httpUrlProblem(url)
}

/** One field's problem: `path` as the field is named in the settings (`email.host`), for the form and the error. */
export interface AlertSettingsProblem {
  readonly path: string
  readonly message: Localized
}

function emailProblems(email: AlertSettings['email']): AlertSettingsProblem[] {
  const problems: AlertSettingsProblem[] = []
  const add = (field: string, ja: string, en: string): void => {
    problems.push({ path: `email.${field}`, message: { ja, en } })
  }
  if (email.host === '') {
    if (email.enabled) add('host', 'SMTP サーバーを入力してください', 'type the SMTP server')
  } else if (!isMailHost(email.host))
    add('host', `「${email.host}」はホスト名ではありません`, `"${email.host}" is not a host name`)
  if (email.port < 1 || email.port > 65535)
    add('port', '1〜65535 の番号にしてください', 'must be a number from 1 to 65535')
  if (email.from === '') {
    if (email.enabled) add('from', '差出人アドレスを入力してください', 'type the sender address')
  } else if (!isMailAddress(email.from))
    add('from', `「${email.from}」はメールアドレスではありません`, `"${email.from}" is not an e-mail address`)
  if (email.to.length === 0 && email.enabled)
    add('to', '宛先アドレスを 1 つ以上入力してください', 'type at least one recipient')
  if (email.to.length > maxAlertRecipients)
    add('to', `宛先は ${maxAlertRecipients} 件までです`, `at most ${maxAlertRecipients} recipients`)
  for (const address of email.to.filter((a) => !isMailAddress(a)))
    add('to', `「${address}」はメールアドレスではありません`, `"${address}" is not an e-mail address`)
  if (email.trustedCertificate !== '' && !email.trustedCertificate.includes('-----BEGIN CERTIFICATE-----'))
    add(
      'trustedCertificate',
      'PEM 形式の証明書（-----BEGIN CERTIFICATE-----）を貼り付けてください',
      'paste a PEM certificate (-----BEGIN CERTIFICATE-----)',
    )
  return problems
}

/** Every problem of the settings in both languages, in screen order; empty when they can be saved. */
export function alertSettingsProblems(
  settings: AlertSettings,
  webhookUrl: WebhookUrlState,
): AlertSettingsProblem[] {
  const problems = emailProblems(settings.email)
  const url = webhookUrl.typed.trim()
  const urlProblem = url === '' ? null : webhookUrlProblem(url)
  if (url === '' && !webhookUrl.stored && settings.webhook.enabled)
    problems.push({ path: 'webhook.url', message: { ja: 'URL を入力してください', en: 'type the URL' } })
  if (urlProblem) problems.push({ path: 'webhook.url', message: urlProblem })
  return problems
}
