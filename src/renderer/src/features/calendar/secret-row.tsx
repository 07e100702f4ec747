/**
 * A password or token field of the calendar forms. Uncontrolled: the value lives only in its input until
 * the form is saved, then goes to `secrets.set` and the input is emptied. The core only says whether the
 * secret is set; nothing is ever read back.
 */
import type { ReactNode } from 'react'
import { useId } from 'react'
import { useT } from '../../i18n'
import { useSecretsStore } from '../../stores/secrets-store'

const namePrefix = 'calendar-secret:'

interface SecretRowProps {
  /** Which secret of the form this is (`source`, `target`, `client`): the keychain name is built on save. */
  readonly slot: string
  /** The keychain name now, to show 設定済み / 未設定; null while it cannot be known (no id yet). */
  readonly secretName: string | null
  readonly label: string
}

export function SecretRow({ slot, secretName, label }: SecretRowProps): ReactNode {
  const t = useT()
  const id = useId()
  const isSet = useSecretsStore(
    (s) => secretName !== null && (s.secrets?.some((x) => x.name === secretName && x.set) ?? false),
  )
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{label}</label>
      </th>
      <td>
        <span className="secret-line">
          <span className={isSet ? 'state state-set' : 'state state-unset'} data-testid="secret-state">
            {t(isSet ? 'settings.secrets.set' : 'settings.secrets.unset')}
          </span>
          <input
            id={id}
            name={namePrefix + slot}
            type="password"
            autoComplete="new-password"
            maxLength={65536}
            aria-describedby={`${id}-hint`}
          />
        </span>
        <span id={`${id}-hint`} className="field-hint">
          {t('calendar.secret.hint')}
        </span>
      </td>
    </tr>
  )
}

/** The values typed into the form's secret fields by slot (empty ones left out), and a way to empty them. */
export function takeSecrets(form: HTMLFormElement): ReadonlyMap<string, string> {
  const inputs = [...form.querySelectorAll<HTMLInputElement>(`input[name^="${namePrefix}"]`)]
  const values = new Map<string, string>()
  for (const input of inputs) {
    if (input.value !== '') values.set(input.name.slice(namePrefix.length), input.value)
    input.value = ''
  }
  return values
}
