import type { ReactNode } from 'react'
import { useCallback, useEffect, useId, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { presenceKindLabels, type PresenceEntry } from '../../../../shared/model/sitelink'
import { ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime, formatDateTimeWithWeekday } from '../../lib/format'
import { PresenceForm } from './presence-form'

const pad = (n: number): string => String(n).padStart(2, '0')
const today = (): string => {
  const d = new Date()
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

interface Names {
  readonly ja: string
  readonly en: string | null
}

const searchLimit = 20

async function nameOf(key: string): Promise<readonly [string, Names]> {
  const page = await api['directory.employees']({ text: key, limit: searchLimit })
  const person = page.employees.find((e) => e.key === key)
  return [key, person ? { ja: person.nameJa, en: person.nameEn } : { ja: key, en: null }]
}

/** The whole home directory in pages: fewer calls than one search per person on a busy day. */
async function allNames(): Promise<ReadonlyMap<string, Names>> {
  const names = new Map<string, Names>()
  let after: string | undefined
  do {
    const page = await api['directory.employees']({ after, limit: 500 })
    for (const e of page.employees) names.set(e.key, { ja: e.nameJa, en: e.nameEn })
    after = page.nextAfter ?? undefined
  } while (after !== undefined)
  return names
}

/** presence.list carries keys only: the names come from the home directory. */
async function namesOf(entries: readonly PresenceEntry[]): Promise<ReadonlyMap<string, Names>> {
  const keys = [...new Set(entries.map((e) => e.employeeKey))]
  if (keys.length > searchLimit) return allNames()
  return new Map(await Promise.all(keys.map(nameOf)))
}

interface Day {
  readonly entries: readonly PresenceEntry[]
  readonly names: ReadonlyMap<string, Names>
}

function PresenceTable({
  day,
  onClear,
}: {
  readonly day: Day
  readonly onClear: (e: PresenceEntry) => void
}) {
  const t = useT()
  const language = useLanguage()
  if (day.entries.length === 0) {
    return (
      <p className="muted" data-testid="presence-empty">
        {t('links.presence.empty')}
      </p>
    )
  }
  return (
    <table className="grid presence-table" data-testid="presence-table">
      <thead>
        <tr>
          <th scope="col">{t('links.presence.employee')}</th>
          <th scope="col">{t('links.presence.kind')}</th>
          <th scope="col">{t('links.presence.destination')}</th>
          <th scope="col">{t('links.presence.returnAt')}</th>
          <th scope="col">{t('links.presence.note')}</th>
          <th scope="col">{t('links.presence.updated')}</th>
          <th scope="col">
            <span className="sr-only">{t('links.presence.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {day.entries.map((entry) => {
          const names = day.names.get(entry.employeeKey)
          const name = (language === 'en' ? names?.en : null) ?? names?.ja ?? entry.employeeKey
          return (
            <tr key={entry.employeeKey} data-testid="presence-row" data-employee={entry.employeeKey}>
              <th scope="row">
                {name} <span className="muted">{entry.employeeKey}</span>
              </th>
              <td>{presenceKindLabels[entry.kind][language]}</td>
              <td className="presence-text">{entry.destination ?? ''}</td>
              <td>{entry.returnAt === null ? '' : formatDateTimeWithWeekday(entry.returnAt, language)}</td>
              <td className="presence-text">{entry.note ?? ''}</td>
              <td>{formatDateTime(entry.updatedAt)}</td>
              <td className="actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('links.presence.clearFor', { name })}
                  data-testid="presence-clear"
                  onClick={() => onClear(entry)}
                >
                  {t('links.presence.clear')}
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** 在席状況: one day's presence of home employees, set and cleared here; partners get it with the next send. */
export function PresenceSection(): ReactNode {
  const t = useT()
  const dateId = useId()
  const [date, setDate] = useState(today)
  const [day, setDay] = useState<Day | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)

  const load = useCallback(async (shown: string): Promise<void> => {
    try {
      const entries = await api['presence.list']({ date: shown })
      setDay({ entries, names: await namesOf(entries) })
      setError(null)
    } catch (caught) {
      setError(toLocalized(caught))
    }
  }, [])
  useEffect(() => {
    void load(date)
  }, [date, load])

  const clear = async (entry: PresenceEntry): Promise<void> => {
    try {
      await api['presence.clear']({ employeeKey: entry.employeeKey, date: entry.date })
      setNotice(localized('links.presence.cleared'))
    } catch (caught) {
      setError(toLocalized(caught))
    }
    await load(date)
  }
  return (
    <Section title={t('links.presence')} testId="links-presence">
      <p className="note">{t('links.presence.note.partners')}</p>
      <div className="presence-day">
        <label htmlFor={dateId}>{t('links.presence.date')}</label>
        <input
          id={dateId}
          type="date"
          value={date}
          data-testid="presence-date"
          onChange={(e) => {
            if (!e.target.value) return
            setNotice(null)
            setDate(e.target.value)
          }}
        />
      </div>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {day ? <PresenceTable day={day} onClear={(entry) => void clear(entry)} /> : null}
      <PresenceForm
        date={date}
        onSaved={() => {
          setNotice(localized('links.presence.saved'))
          void load(date)
        }}
      />
    </Section>
  )
}
