import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import { secretName } from '../../../../shared/api'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useAppStatusStore } from '../../stores/app-status-store'
import { useSecretsStore } from '../../stores/secrets-store'
import { AccessTokenRotation } from './access-token-rotation'
import { SecretsTable } from './secrets-table'

/** Says next to the field why it was refused (a red border alone does not). */
function FieldError(props: {
  readonly id: string
  readonly message: string | null
  readonly testId: string
}): ReactNode {
  return (
    <span id={props.id} className="field-error" role="alert" data-testid={props.testId}>
      {props.message ?? ''}
    </span>
  )
}

/**
 * The value field is uncontrolled and emptied the moment the form is sent: the value never enters
 * React state or a store, and is not left on screen whatever the core answers.
 */
function SecretForm({ disabled }: { readonly disabled: boolean }): ReactNode {
  const t = useT()
  const id = useId()
  const busy = useSecretsStore((s) => s.busy)
  const save = useSecretsStore((s) => s.set)
  const [nameError, setNameError] = useState<string | null>(null)
  const [valueError, setValueError] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const form = event.currentTarget
    const nameInput = form.elements.namedItem('name') as HTMLInputElement
    const valueInput = form.elements.namedItem('value') as HTMLInputElement
    const name = nameInput.value.trim()
    const nameProblem =
      name === ''
        ? t('settings.secrets.nameMissing')
        : secretName.safeParse(name).success
          ? null
          : t('settings.secrets.nameInvalid', { name })
    const valueProblem = valueInput.value === '' ? t('settings.secrets.valueMissing') : null
    setNameError(nameProblem)
    setValueError(valueProblem)
    if (nameProblem || valueProblem) return
    const value = valueInput.value
    valueInput.value = ''
    void save(name, value).then((ok) => {
      if (ok) nameInput.value = ''
    })
  }

  return (
    <form className="secret-form" onSubmit={submit} noValidate data-testid="secret-form">
      <h3 className="sub-heading">{t('settings.secrets.form')}</h3>
      <table className="form-table">
        <tbody>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-name`}>{t('settings.secrets.name')}</label>
            </th>
            <td>
              <input
                id={`${id}-name`}
                name="name"
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={128}
                disabled={disabled}
                aria-invalid={nameError !== null}
                aria-describedby={`${id}-name-hint ${id}-name-error`}
              />
              <span id={`${id}-name-hint`} className="field-hint">
                {t('settings.secrets.nameHint')}
              </span>
              <FieldError id={`${id}-name-error`} message={nameError} testId="secret-name-error" />
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-value`}>{t('settings.secrets.value')}</label>
            </th>
            <td>
              <input
                id={`${id}-value`}
                name="value"
                type="password"
                autoComplete="new-password"
                maxLength={65536}
                disabled={disabled}
                aria-invalid={valueError !== null}
                aria-describedby={`${id}-value-error`}
              />
              <FieldError id={`${id}-value-error`} message={valueError} testId="secret-value-error" />
            </td>
          </tr>
        </tbody>
      </table>
      <div className="form-actions">
        <Button type="submit" primary disabled={disabled || busy}>
          {t('settings.secrets.save')}
        </Button>
        {busy ? <Busy label={t('settings.saving')} /> : null}
      </div>
    </form>
  )
}

export function SecretsSection(): ReactNode {
  const t = useT()
  const secrets = useSecretsStore((s) => s.secrets)
  const error = useSecretsStore((s) => s.error)
  const notice = useSecretsStore((s) => s.notice)
  const dismiss = useSecretsStore((s) => s.dismiss)
  const keychainAvailable = useAppStatusStore((s) => s.status?.keychain.available ?? true)
  return (
    <Section title={t('settings.secrets')} testId="secrets-section">
      <p className="note">{t('settings.secrets.intro')}</p>
      <ErrorBanner message={error} onDismiss={dismiss} />
      <Notice message={notice} onDismiss={dismiss} />
      <AccessTokenRotation />
      {!keychainAvailable ? <p className="error-text">{t('settings.secrets.disabled')}</p> : null}
      {secrets === null ? null : secrets.length === 0 ? (
        <EmptyState title={t('settings.secrets.empty')} testId="secrets-empty">
          <p>{t('settings.secrets.emptyHint')}</p>
        </EmptyState>
      ) : (
        <SecretsTable />
      )}
      <SecretForm disabled={!keychainAvailable} />
    </Section>
  )
}
