/**
 * Password and token fields. They are uncontrolled: a value lives only in its input until the form is
 * saved, then goes to `secrets.set` and the input is emptied. Nothing is ever read back from the core,
 * which only says whether each secret is set.
 */
import type { ReactNode } from 'react'
import { useContext, useState } from 'react'
import { useT } from '../../i18n'
import type { SecretInput } from '../../stores/directory-store'
import { useDirectoryStore } from '../../stores/directory-store'
import { useSecretsStore } from '../../stores/secrets-store'
import { FieldErrorsContext, fieldId } from './directory-fields'
import { checkPasswordPair } from './draft-to-config'

const valuePrefix = 'secret:'
const confirmPrefix = 'secret-confirm:'

/** Path of the "passwords differ" problem in the form's error map. */
export const passwordPairPath = 'secret.confirm'

function SecretState({ name }: { readonly name: string }): ReactNode {
  const t = useT()
  const set = useSecretsStore((s) => s.secrets?.some((secret) => secret.name === name && secret.set) ?? false)
  return (
    <span className={set ? 'state state-set' : 'state state-unset'} data-testid="secret-state">
      {t(set ? 'settings.secrets.set' : 'settings.secrets.unset')}
    </span>
  )
}

function ClearSecret({ name, label }: { readonly name: string; readonly label: string }): ReactNode {
  const t = useT()
  const set = useSecretsStore((s) => s.secrets?.some((secret) => secret.name === name && secret.set) ?? false)
  const clearSecret = useDirectoryStore((s) => s.clearSecret)
  const [confirming, setConfirming] = useState(false)
  if (!set) return null
  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-small"
        aria-label={t('settings.secrets.clearFor', { name: label })}
        onClick={() => setConfirming(true)}
      >
        {t('settings.secrets.clear')}
      </button>
    )
  }
  return (
    <span className="confirm">
      {t('settings.secrets.confirmClear', { name: label })}
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          setConfirming(false)
          void clearSecret(name)
        }}
      >
        {t('settings.secrets.confirm')}
      </button>
      <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
        {t('settings.secrets.cancel')}
      </button>
    </span>
  )
}

interface SecretRowProps {
  /** The keychain name, from `directorySecretNames`. */
  readonly name: string
  readonly label: string
  /** Asks for the value twice (the initial password: a typo would lock every new user out). */
  readonly confirmLabel?: string
}

export function SecretRows({ name, label, confirmLabel }: SecretRowProps): ReactNode {
  const t = useT()
  const id = fieldId(`secret.${name}`)
  const confirmId = fieldId(passwordPairPath)
  const mismatch = useContext(FieldErrorsContext).get(passwordPairPath)
  return (
    <>
      <tr>
        <th scope="row">
          <label htmlFor={id}>{label}</label>
        </th>
        <td>
          <span className="secret-line">
            <SecretState name={name} />
            <input
              id={id}
              name={valuePrefix + name}
              type="password"
              autoComplete="new-password"
              maxLength={65536}
              aria-invalid={confirmLabel !== undefined && mismatch !== undefined}
              aria-describedby={`${id}-hint`}
            />
            <ClearSecret name={name} label={label} />
          </span>
          <span id={`${id}-hint`} className="field-hint">
            {t('directory.secret.hint')}
          </span>
        </td>
      </tr>
      {confirmLabel ? (
        <tr>
          <th scope="row">
            <label htmlFor={confirmId}>{confirmLabel}</label>
          </th>
          <td>
            <input
              id={confirmId}
              name={confirmPrefix + name}
              type="password"
              autoComplete="new-password"
              maxLength={65536}
              aria-invalid={mismatch !== undefined}
              aria-describedby={mismatch ? `${confirmId}-error` : undefined}
            />
            {mismatch ? (
              <div id={`${confirmId}-error`} className="field-error" data-testid="field-error">
                {t(mismatch.key, mismatch.params)}
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  )
}

function passwordInputs(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[type="password"]')]
}

/**
 * The secrets typed into the form. `mismatch` when a value asked twice differs (then nothing may be saved).
 * `clear` empties the fields — called as soon as the values have been taken, whatever happens next.
 */
export function readSecretInputs(form: HTMLFormElement): {
  readonly secrets: readonly SecretInput[]
  readonly mismatch: boolean
  clearAll(): void
  clearConfirmed(): void
} {
  const inputs = passwordInputs(form)
  const confirmations = new Map(
    inputs
      .filter((i) => i.name.startsWith(confirmPrefix))
      .map((i) => [i.name.slice(confirmPrefix.length), i]),
  )
  const secrets: SecretInput[] = []
  let mismatch = false
  for (const input of inputs.filter((i) => i.name.startsWith(valuePrefix))) {
    const name = input.name.slice(valuePrefix.length)
    const confirm = confirmations.get(name)
    if (confirm && checkPasswordPair(input.value, confirm.value) !== null) mismatch = true
    if (input.value !== '') secrets.push({ name, value: input.value })
  }
  return {
    secrets,
    mismatch,
    clearAll: () => inputs.forEach((i) => (i.value = '')),
    clearConfirmed: () =>
      inputs
        .filter(
          (i) => confirmations.has(i.name.slice(valuePrefix.length)) || i.name.startsWith(confirmPrefix),
        )
        .forEach((i) => (i.value = '')),
  }
}
