import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import type { EmployeeSummary } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import {
  presenceKindLabels,
  presenceKinds,
  presenceTextLimits,
  type PresenceKind,
} from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { EmployeePicker } from '../calendar/employee-picker'

interface Draft {
  readonly kind: PresenceKind
  readonly destination: string
  readonly returnAt: string
  readonly note: string
}

const emptyDraft: Draft = { kind: 'out', destination: '', returnAt: '', note: '' }

function TextField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly maxLength?: number
  readonly placeholder?: string
  readonly hint?: string
  readonly onChange: (value: string) => void
}): ReactNode {
  return (
    <tr>
      <th scope="row">
        <label htmlFor={props.id}>{props.label}</label>
      </th>
      <td>
        <input
          id={props.id}
          type="text"
          className="path-input"
          value={props.value}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          data-testid={props.id}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint ? <div className="field-hint">{props.hint}</div> : null}
      </td>
    </tr>
  )
}

/**
 * Sets one home employee's presence on the shown day. The core checks the return time and the employee
 * and says what is wrong in both languages; the refusal stays beside the form and changes nothing.
 */
export function PresenceForm(props: { readonly date: string; readonly onSaved: () => void }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [employee, setEmployee] = useState<EmployeeSummary | null>(null)
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [error, setError] = useState<Localized | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!employee) return
    setBusy(true)
    try {
      await api['presence.set']({ employeeKey: employee.key, date: props.date, ...draft })
      setError(null)
      setDraft(emptyDraft)
      setEmployee(null)
      props.onSaved()
    } catch (caught) {
      setError(toLocalized(caught))
    } finally {
      setBusy(false)
    }
  }
  const name = employee ? (language === 'en' && employee.nameEn ? employee.nameEn : employee.nameJa) : null
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="presence-form" aria-label={t('links.presence.set')}>
      <h3 className="presence-form-title">{t('links.presence.setFor', { date: props.date })}</h3>
      <table className="form-table">
        <tbody>
          <tr>
            <th scope="row">{t('links.presence.employee')}</th>
            <td>
              <span className="presence-employee" data-testid="presence-employee">
                {employee
                  ? t('links.presence.employeeName', { name: name ?? '', key: employee.key })
                  : t('links.presence.noEmployee')}
              </span>{' '}
              <EmployeePicker onPick={setEmployee} />
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor="presence-kind">{t('links.presence.kind')}</label>
            </th>
            <td>
              <select
                id="presence-kind"
                data-testid="presence-kind"
                value={draft.kind}
                onChange={(e) => set('kind')(e.target.value)}
              >
                {presenceKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {presenceKindLabels[kind][language]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
          <TextField
            id="presence-destination"
            label={t('links.presence.destination')}
            value={draft.destination}
            maxLength={presenceTextLimits.destination}
            onChange={set('destination')}
          />
          <TextField
            id="presence-return"
            label={t('links.presence.returnAt')}
            value={draft.returnAt}
            placeholder="17:30"
            hint={t('links.presence.returnAtHint')}
            onChange={set('returnAt')}
          />
          <TextField
            id="presence-note"
            label={t('links.presence.note')}
            value={draft.note}
            maxLength={presenceTextLimits.note}
            onChange={set('note')}
          />
        </tbody>
      </table>
      <ErrorBanner message={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !employee}
          data-testid="presence-save"
        >
          {t('links.presence.save')}
        </button>
      </div>
    </form>
  )
}
