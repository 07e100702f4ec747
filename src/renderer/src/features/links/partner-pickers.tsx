import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type {
  LinkDepartment,
  PartnerDirectoryPage,
  PartnerEmployeeView,
} from '../../../../shared/model/sitelink-exchange'
import { Busy, ErrorBanner } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useApiLoad } from '../../lib/use-api-load'

export const localName = (o: { nameJa: string; nameEn: string | null }, en: boolean): string =>
  en && o.nameEn ? o.nameEn : o.nameJa

/** One page of the partner's directory as received (`link.partnerDirectory`), with its loading state. */
export function usePartnerPage(
  id: string,
  where: { readonly department?: string; readonly query?: string } | null,
): { readonly page: PartnerDirectoryPage | null; readonly busy: boolean; readonly error: Localized | null } {
  const department = where?.department
  const query = where?.query
  const off = where === null
  const {
    value: page,
    busy,
    error,
  } = useApiLoad(
    () => (off ? null : api['link.partnerDirectory']({ id, department, query })),
    [id, department, query, off],
  )
  return { page, busy, error }
}

/** A partner department: walk the tree (開く) and choose one (選択); the choice shows with its path. */
export function PartnerDepartmentPicker({
  id,
  value,
  onChange,
}: {
  readonly id: string
  readonly value: string | undefined
  readonly onChange: (dept: LinkDepartment) => void
}): ReactNode {
  const t = useT()
  const en = useLanguage() === 'en'
  const [at, setAt] = useState<string | undefined>(undefined)
  const { page, busy, error } = usePartnerPage(id, { department: at })
  return (
    <div className="partner-picker" data-testid="partner-department-picker">
      <nav className="partner-path" aria-label={t('links.partner.path')}>
        <button type="button" className="button-link" onClick={() => setAt(undefined)}>
          {t('links.partner.top')}
        </button>
        {page?.path.map((d) => (
          <span key={d.code}>
            {' / '}
            <button type="button" className="button-link" onClick={() => setAt(d.code)}>
              {localName(d, en)}
            </button>
          </span>
        ))}
      </nav>
      {busy ? <Busy label={t('links.rules.loading')} /> : null}
      <ErrorBanner message={error} />
      <ul className="picker-list">
        {page?.departments.map((d) => (
          <li key={d.code} className={d.code === value ? 'picker-chosen' : undefined}>
            <button
              type="button"
              className="picker-item"
              data-testid="partner-department-option"
              aria-pressed={d.code === value}
              onClick={() => onChange(d)}
            >
              {localName(d, en)} <code className="muted">{d.code}</code>
            </button>
            <button type="button" className="button-link" onClick={() => setAt(d.code)}>
              {t('links.acceptRule.open')}
            </button>
          </li>
        ))}
      </ul>
      {page && page.departments.length === 0 ? <p className="muted">{t('links.acceptRule.noSub')}</p> : null}
    </div>
  )
}

/** A partner employee, searched by key, names, kana or e-mail across the whole partner. */
export function PartnerPersonPicker({
  id,
  onPick,
  testId = 'partner-person-picker',
}: {
  readonly id: string
  readonly onPick: (person: PartnerEmployeeView) => void
  readonly testId?: string
}): ReactNode {
  const t = useT()
  const en = useLanguage() === 'en'
  const [text, setText] = useState('')
  const [query, setQuery] = useState<string | null>(null)
  const { page, busy, error } = usePartnerPage(id, query === null ? null : { query })
  return (
    <div className="partner-picker" role="search" data-testid={testId}>
      <div className="people-search">
        <input
          type="search"
          aria-label={t('links.partner.search')}
          placeholder={t('links.partner.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              setQuery(text.trim())
            }
          }}
        />
        <button type="button" className="button button-small" onClick={() => setQuery(text.trim())}>
          {t('links.partner.searchButton')}
        </button>
        {busy ? <Busy label={t('history.searching')} /> : null}
      </div>
      <ErrorBanner message={error} />
      {query !== null && page ? (
        page.employees.length === 0 ? (
          <p className="muted">{t('links.partner.noPeople')}</p>
        ) : (
          <ul className="picker-list">
            {page.employees.slice(0, 20).map((p) => (
              <li key={p.key}>
                <button
                  type="button"
                  className="picker-item"
                  data-testid="partner-person-option"
                  onClick={() => {
                    onPick(p)
                    setQuery(null)
                  }}
                >
                  <code>{p.key}</code> {localName(p, en)}
                  {p.email ? <span className="muted"> {p.email}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}
