import {
  alertSettings,
  alertSettingsProblems,
  type AlertSettings,
  type SmtpSecurity,
  type WebhookUrlState,
} from '../../../../shared/model/alerts'
import type { DraftErrors, FieldError } from '../directory/draft-to-config'

/**
 * The alert form as typed: the port and the recipient list stay text until saved. The webhook URL and
 * the SMTP password are not here: they are uncontrolled inputs whose values go to the keychain.
 */
export interface AlertsDraft {
  readonly emailEnabled: boolean
  readonly host: string
  readonly port: string
  readonly security: SmtpSecurity
  readonly from: string
  readonly to: string
  readonly username: string
  readonly trustedCertificate: string
  readonly webhookEnabled: boolean
}

export function settingsToDraft(settings: AlertSettings): AlertsDraft {
  const { email, webhook } = settings
  return {
    emailEnabled: email.enabled,
    host: email.host,
    port: String(email.port),
    security: email.security,
    from: email.from,
    to: email.to.join(', '),
    username: email.username,
    trustedCertificate: email.trustedCertificate,
    webhookEnabled: webhook.enabled,
  }
}

const tooLong: FieldError = { key: 'alerts.problem', params: { ja: '長すぎます', en: 'is too long' } }

/** Commas (also the Japanese 、), semicolons or spaces separate recipients, as people paste them. */
function recipients(text: string): string[] {
  return text.split(/[\s,;、，]+/).filter((address) => address !== '')
}

/**
 * The settings the draft stands for, or every field's problem — the same checks the core makes, so
 * the form can mark each field; the core still checks again on save.
 */
export function draftToSettings(
  draft: AlertsDraft,
  webhookUrl: WebhookUrlState,
): { settings: AlertSettings } | { errors: DraftErrors } {
  const errors = new Map<string, FieldError>()
  const port = /^\s*\d{1,5}\s*$/.test(draft.port) ? Number(draft.port) : Number.NaN
  if (Number.isNaN(port)) errors.set('email.port', { key: 'alerts.port.invalid' })
  const parsed = alertSettings.safeParse({
    email: {
      enabled: draft.emailEnabled,
      host: draft.host,
      port: Number.isNaN(port) ? 587 : port,
      security: draft.security,
      from: draft.from,
      to: recipients(draft.to),
      username: draft.username,
      trustedCertificate: draft.trustedCertificate,
    },
    webhook: { enabled: draft.webhookEnabled },
  })
  // Only lengths can fail here (the inputs cap most of them; a pasted certificate may not).
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.set(issue.path.slice(0, 2).join('.'), tooLong)
    return { errors }
  }
  const settings = parsed.data
  for (const { path, message } of alertSettingsProblems(settings, webhookUrl)) {
    if (!errors.has(path)) errors.set(path, { key: 'alerts.problem', params: { ...message } })
  }
  return errors.size > 0 ? { errors } : { settings }
}
