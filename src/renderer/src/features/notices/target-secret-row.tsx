import type { ReactNode } from 'react'
import type { NoticeTargetSecretName } from '../../../../shared/model/notices'
import { useT } from '../../i18n'
import { secretLabel } from './notice-labels'

/**
 * One keychain secret of a target (SMTP password, webhook URL, token, signing secret). The core only says
 * whether it is stored; typing replaces it on save, 「削除」 removes it on save; nothing is ever read back.
 */
export function TargetSecretRow(props: {
  readonly name: NoticeTargetSecretName
  readonly stored: boolean
  /** undefined: keep; text: replace with it; null: remove. */
  readonly edit: string | null | undefined
  readonly onEdit: (edit: string | null | undefined) => void
}): ReactNode {
  const t = useT()
  const { name, stored, edit } = props
  const id = `target-secret-${name}`
  const state =
    edit === null
      ? 'notices.secret.willRemove'
      : stored
        ? 'notices.secret.stored'
        : 'notices.secret.notStored'
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{t(secretLabel(name))}</label>
      </th>
      <td>
        <span className="secret-line">
          <span
            className={stored && edit !== null ? 'state state-set' : 'state state-unset'}
            data-testid={`${id}-state`}
          >
            {t(state)}
          </span>
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            maxLength={4000}
            value={typeof edit === 'string' ? edit : ''}
            placeholder={t(stored ? 'notices.secret.replace' : 'notices.secret.enter')}
            data-testid={id}
            onChange={(e) => props.onEdit(e.target.value === '' ? undefined : e.target.value)}
          />
          {stored && edit !== null ? (
            <button
              type="button"
              className="button button-small"
              data-testid={`${id}-remove`}
              onClick={() => props.onEdit(null)}
            >
              {t('notices.secret.remove')}
            </button>
          ) : null}
          {edit === null ? (
            <button type="button" className="button-link" onClick={() => props.onEdit(undefined)}>
              {t('notices.secret.keep')}
            </button>
          ) : null}
        </span>
      </td>
    </tr>
  )
}
