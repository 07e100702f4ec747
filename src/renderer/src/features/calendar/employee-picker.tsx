import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { EmployeeSummary } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import { Busy, ErrorBanner } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

const pickerLimit = 20

interface EmployeePickerProps {
  readonly onPick: (employee: EmployeeSummary) => void
}

/** Finds a person in the home directory (key, login, names, e-mail) so the pair carries their name and key. */
export function EmployeePicker({ onPick }: EmployeePickerProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [found, setFound] = useState<readonly EmployeeSummary[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<Localized | null>(null)

  const search = async (): Promise<void> => {
    setSearching(true)
    setError(null)
    try {
      const page = await api['directory.employees']({ text: text.trim() || undefined, limit: pickerLimit })
      setFound(page.employees)
    } catch (e) {
      setError(toLocalized(e))
    } finally {
      setSearching(false)
    }
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void search()
  }

  if (!open) {
    return (
      <button
        type="button"
        className="button button-small"
        data-testid="employee-picker-open"
        onClick={() => {
          setOpen(true)
          void search()
        }}
      >
        {t('calendar.picker.open')}
      </button>
    )
  }
  return (
    // A div, not a form: it sits inside the pair form; Enter in the search box searches.
    <div className="employee-picker" role="search" data-testid="employee-picker">
      <div className="people-search">
        <label htmlFor={id}>{t('calendar.picker.search')}</label>
        <input
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit(e)
          }}
        />
        <button type="button" className="button button-small" onClick={() => void search()}>
          {t('history.submit')}
        </button>
        <button type="button" className="button-link" onClick={() => setOpen(false)}>
          {t('calendar.picker.close')}
        </button>
        {searching ? <Busy label={t('history.searching')} /> : null}
      </div>
      <ErrorBanner message={error} />
      {found && found.length === 0 ? <p className="muted">{t('directory.home.nobody')}</p> : null}
      {found && found.length > 0 ? (
        <ul className="picker-list">
          {found.map((e) => (
            <li key={e.key}>
              <button
                type="button"
                className="picker-item"
                data-testid="employee-option"
                onClick={() => {
                  onPick(e)
                  setOpen(false)
                }}
              >
                <code>{e.key}</code> {language === 'en' && e.nameEn ? e.nameEn : e.nameJa}
                {e.email ? <span className="muted"> {e.email}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
