import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { NumberRow, TextRow } from '../directory/directory-fields'
import { EmployeePicker } from './employee-picker'
import type { PairDraft } from './pair-draft'
import { pairIdFor } from './pair-draft'

interface PairUserFieldsProps {
  readonly draft: PairDraft
  readonly onChange: (draft: PairDraft) => void
  /** A saved pair keeps its id: its mapping, secrets and history hang on it. */
  readonly isNew: boolean
}

/** 番号, ユーザー名 (typed, or picked from the home directory) and the pair's id. */
export function PairUserFields({ draft, onChange, isNew }: PairUserFieldsProps): ReactNode {
  const t = useT()
  const hasDirectory = useDirectoryStore((s) => (s.status?.counts.employees ?? 0) > 0)
  const edit = (patch: Partial<PairDraft>): void => onChange({ ...draft, ...patch })
  return (
    <table className="form-table">
      <tbody>
        <NumberRow
          path="number"
          label={t('calendar.col.number')}
          hint={t('calendar.pair.numberHint')}
          min={1}
          max={999_999}
          value={draft.number}
          onChange={(number) =>
            edit(draft.idTouched || !isNew ? { number } : { number, id: pairIdFor(number) })
          }
        />
        <TextRow
          path="name"
          label={t('calendar.col.name')}
          maxLength={200}
          value={draft.name}
          onChange={(name) => edit({ name })}
        />
        {hasDirectory || draft.employeeKey !== '' ? (
          <tr>
            <th scope="row">{t('calendar.pair.employee')}</th>
            <td>
              <div className="employee-line">
                <span data-testid="employee-key">
                  {draft.employeeKey !== '' ? (
                    <code>{draft.employeeKey}</code>
                  ) : (
                    <span className="muted">{t('calendar.pair.noEmployee')}</span>
                  )}
                </span>
                {draft.employeeKey !== '' ? (
                  <button type="button" className="button-link" onClick={() => edit({ employeeKey: '' })}>
                    {t('calendar.pair.unlinkEmployee')}
                  </button>
                ) : null}
                {hasDirectory ? (
                  <EmployeePicker onPick={(e) => edit({ name: e.nameJa, employeeKey: e.key })} />
                ) : null}
              </div>
            </td>
          </tr>
        ) : null}
        {isNew ? (
          <TextRow
            path="id"
            label={t('calendar.pair.id')}
            hint={t('calendar.pair.idHint')}
            size="short"
            maxLength={63}
            value={draft.id}
            onChange={(id) => edit({ id, idTouched: true })}
          />
        ) : (
          <tr>
            <th scope="row">{t('calendar.pair.id')}</th>
            <td>
              <code data-testid="pair-id">{draft.id}</code>
              <span className="field-hint">{t('calendar.pair.idFixed')}</span>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
