/** The rows of the admin alert form: e-mail (SMTP) and webhook. */
import type { ReactNode } from 'react'
import { useContext } from 'react'
import {
  alertSmtpPasswordSecret,
  alertWebhookUrlSecret,
  maxWebhookUrlLength,
  smtpSecurities,
} from '../../../../shared/model/alerts'
import { useT } from '../../i18n'
import { useSecretsStore } from '../../stores/secrets-store'
import { SecretRow } from '../calendar/secret-row'
import {
  CheckboxRow,
  FieldErrorsContext,
  fieldId,
  NumberRow,
  RadioRow,
  TextAreaRow,
  TextRow,
} from '../directory/directory-fields'
import type { AlertsDraft } from './alerts-draft'

/** The uncontrolled input holding a typed webhook URL (read on save and on test send). */
export const webhookUrlInputName = 'alerts-webhook-url'

interface RowsProps {
  readonly draft: AlertsDraft
  readonly edit: (patch: Partial<AlertsDraft>) => void
}

/**
 * The webhook URL is a credential (chat services put their token in it): typed here, kept in the
 * keychain, never shown again — only whether one is stored. Empty keeps the stored one.
 */
function WebhookUrlRow(): ReactNode {
  const t = useT()
  const id = fieldId('webhook.url')
  const error = useContext(FieldErrorsContext).get('webhook.url')
  const isSet = useSecretsStore(
    (s) => s.secrets?.some((x) => x.name === alertWebhookUrlSecret && x.set) ?? false,
  )
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{t('alerts.webhook.url')}</label>
      </th>
      <td>
        <span className="secret-line">
          <span className={isSet ? 'state state-set' : 'state state-unset'} data-testid="webhook-url-state">
            {t(isSet ? 'settings.secrets.set' : 'settings.secrets.unset')}
          </span>
          <input
            id={id}
            name={webhookUrlInputName}
            type="password"
            className="webhook-url-input"
            autoComplete="off"
            placeholder="https://"
            maxLength={maxWebhookUrlLength}
            aria-invalid={error !== undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
        </span>
        <span id={`${id}-hint`} className="field-hint">
          {t('alerts.webhook.urlHint')}
        </span>
        {error ? (
          <div id={`${id}-error`} className="field-error" data-testid="field-error">
            {t(error.key, error.params)}
          </div>
        ) : null}
      </td>
    </tr>
  )
}

export function EmailRows({ draft, edit }: RowsProps): ReactNode {
  const t = useT()
  return (
    <table className="form-table">
      <tbody>
        <CheckboxRow
          path="email.enabled"
          label={t('alerts.email.enabled')}
          text={t('alerts.email.enabledText')}
          checked={draft.emailEnabled}
          onChange={(emailEnabled) => edit({ emailEnabled })}
        />
        <TextRow
          path="email.host"
          label={t('alerts.email.host')}
          hint={t('alerts.email.hostHint')}
          maxLength={253}
          value={draft.host}
          onChange={(host) => edit({ host })}
        />
        <NumberRow
          path="email.port"
          label={t('alerts.email.port')}
          hint={t('alerts.email.portHint')}
          min={1}
          max={65535}
          value={draft.port}
          onChange={(port) => edit({ port })}
        />
        <RadioRow
          path="email.security"
          label={t('alerts.email.security')}
          options={smtpSecurities.map((value) => ({ value, label: t(`alerts.email.security.${value}`) }))}
          value={draft.security}
          onChange={(security) => edit({ security })}
        />
        <TextRow
          path="email.from"
          label={t('alerts.email.from')}
          maxLength={320}
          value={draft.from}
          onChange={(from) => edit({ from })}
        />
        <TextRow
          path="email.to"
          label={t('alerts.email.to')}
          hint={t('alerts.email.toHint')}
          size="wide"
          value={draft.to}
          onChange={(to) => edit({ to })}
        />
        <TextRow
          path="email.username"
          label={t('alerts.email.username')}
          hint={t('alerts.email.usernameHint')}
          maxLength={200}
          value={draft.username}
          onChange={(username) => edit({ username })}
        />
        <SecretRow slot="smtp" secretName={alertSmtpPasswordSecret} label={t('alerts.email.password')} />
        <TextAreaRow
          path="email.trustedCertificate"
          label={t('alerts.email.trustedCertificate')}
          hint={t('alerts.email.trustedCertificateHint')}
          placeholder="-----BEGIN CERTIFICATE-----"
          value={draft.trustedCertificate}
          onChange={(trustedCertificate) => edit({ trustedCertificate })}
        />
      </tbody>
    </table>
  )
}

export function WebhookRows({ draft, edit }: RowsProps): ReactNode {
  const t = useT()
  return (
    <table className="form-table">
      <tbody>
        <CheckboxRow
          path="webhook.enabled"
          label={t('alerts.webhook.enabled')}
          text={t('alerts.webhook.enabledText')}
          checked={draft.webhookEnabled}
          onChange={(webhookEnabled) => edit({ webhookEnabled })}
        />
        <WebhookUrlRow />
      </tbody>
    </table>
  )
}
