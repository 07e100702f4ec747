import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import { secretName } from '../../../../shared/api'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useAppStatusStore } from '../../stores/app-status-store'
import { useSecretsStore } from '../../stores/secrets-store'

function SecretsTable(): ReactNode {
  const t = useT()
  const secrets = useSecretsStore((s) => s.secrets) ?? []
  const busy = useSecretsStore((s) => s.busy)
  const clear = useSecretsStore((s) => s.clear)
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <table className="grid" data-testid="secrets-table">
      <thead>
        <tr>
          <th scope="col">{t('settings.secrets.col.name')}</th>
          <th scope="col">{t('settings.secrets.col.state')}</th>
          <th scope="col">{t('settings.secrets.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {secrets.map((secret) => (
          <tr key={secret.name} data-testid="secret-row">
            <td>
              <code>{secret.name}</code>
            </td>
            <td>
              <span className={secret.set ? 'state state-set' : 'state state-unset'}>
                {t(secret.set ? 'settings.secrets.set' : 'settings.secrets.unset')}
              </span>
            </td>
            <td className="actions">
              {confirming === secret.name ? (
                <span className="confirm">
                  {t('settings.secrets.confirmClear', { name: secret.name })}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null)
                      void clear(secret.name)
                    }}
                  >
                    {t('settings.secrets.confirm')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                    {t('settings.secrets.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy || !secret.set}
                  aria-label={t('settings.secrets.clearFor', { name: secret.name })}
                  onClick={() => setConfirming(secret.name)}
                >
                  {t('settings.secrets.clear')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
  const [nameError, setNameError] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const form = event.currentTarget
    const nameInput = form.elements.namedItem('name') as HTMLInputElement
    const valueInput = form.elements.namedItem('value') as HTMLInputElement
    const name = nameInput.value.trim()
    const valid = secretName.safeParse(name).success
    setNameError(!valid)
    if (!valid || valueInput.value === '') return
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
                aria-invalid={nameError}
                aria-describedby={`${id}-name-hint`}
              />
              <span id={`${id}-name-hint`} className={nameError ? 'field-hint error-text' : 'field-hint'}>
                {t('settings.secrets.nameHint')}
              </span>
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
              />
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
