import type { FormEvent, ReactNode } from 'react'
import { useCallback, useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { presenceKindLabels } from '../../../../shared/model/sitelink'
import type { PartnerDirectoryPage, PartnerEmployeeView } from '../../../../shared/model/sitelink-exchange'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTimeWithWeekday } from '../../lib/format'

interface Where {
  readonly department?: string
  readonly query?: string
  readonly offset: number
}

function Presence({ person }: { readonly person: PartnerEmployeeView }): ReactNode {
  const language = useLanguage()
  const { presence } = person
  if (!presence) return <span className="muted">—</span>
  return (
    <>
      <div>{presenceKindLabels[presence.kind][language]}</div>
      {presence.destination ? <div className="muted">{presence.destination}</div> : null}
      {presence.returnAt !== null ? (
        <div className="muted">{formatDateTimeWithWeekday(presence.returnAt, language)}</div>
      ) : null}
    </>
  )
}

function People({ page }: { readonly page: PartnerDirectoryPage }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const position = (code: string): string => {
    const found = page.positions.find((p) => p.code === code)
    return found ? (language === 'en' && found.nameEn ? found.nameEn : found.nameJa) : code
  }
  if (page.employees.length === 0) return <p className="muted">{t('links.partner.noPeople')}</p>
  return (
    <table className="grid" data-testid="partner-people">
      <thead>
        <tr>
          <th scope="col">{t('links.partner.name')}</th>
          <th scope="col">{t('links.partner.positions')}</th>
          <th scope="col">{t('links.partner.email')}</th>
          <th scope="col">{t('links.kind.presence')}</th>
        </tr>
      </thead>
      <tbody>
        {page.employees.map((person) => (
          <tr key={person.key}>
            <td>
              <div>{language === 'en' && person.nameEn ? person.nameEn : person.nameJa}</div>
              {person.kana ? <div className="muted">{person.kana}</div> : null}
            </td>
            <td>{person.positions.map(position).join('、')}</td>
            <td className="link-url">{person.email ?? ''}</td>
            <td>
              <Presence person={person} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The partner's departments, people (with today's presence) and positions, as this site received them. */
export function PartnerDirectory({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [where, setWhere] = useState<Where>({ offset: 0 })
  const [page, setPage] = useState<PartnerDirectoryPage | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const [text, setText] = useState('')
  const load = useCallback(async () => {
    try {
      setPage(await api['link.partnerDirectory']({ id, ...where }))
      setError(null)
    } catch (caught) {
      setError(toLocalized(caught))
    }
  }, [id, where])
  useEffect(() => {
    void load()
  }, [load])
  const search = (event: FormEvent): void => {
    event.preventDefault()
    setWhere(text.trim() ? { query: text.trim(), offset: 0 } : { offset: 0 })
  }
  const deptName = (d: { nameJa: string; nameEn: string | null }): string =>
    language === 'en' && d.nameEn ? d.nameEn : d.nameJa
  return (
    <Section title={t('links.partner')} testId="detail-directory">
      <ErrorBanner message={error} />
      <form className="accept-form" onSubmit={search}>
        <input
          type="search"
          aria-label={t('links.partner.search')}
          placeholder={t('links.partner.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('links.partner.searchButton')}
        </button>
      </form>
      {page ? (
        <>
          <nav className="partner-path" aria-label={t('links.partner.path')}>
            <button type="button" className="button-link" onClick={() => setWhere({ offset: 0 })}>
              {t('links.partner.top')}
            </button>
            {page.path.map((d) => (
              <span key={d.code}>
                {' / '}
                <button
                  type="button"
                  className="button-link"
                  onClick={() => setWhere({ department: d.code, offset: 0 })}
                >
                  {deptName(d)}
                </button>
              </span>
            ))}
          </nav>
          {page.departments.length > 0 ? (
            <ul className="partner-departments">
              {page.departments.map((d) => (
                <li key={d.code}>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => setWhere({ department: d.code, offset: 0 })}
                  >
                    {deptName(d)}
                  </button>{' '}
                  <span className="muted">
                    {t('links.partner.count', { count: formatCount(d.employeeCount) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <People page={page} />
          <div className="pager">
            <span className="pager-text">
              {t('links.partner.range', {
                from: formatCount(page.total === 0 ? 0 : page.offset + 1),
                to: formatCount(page.offset + page.employees.length),
                total: formatCount(page.total),
              })}
            </span>
            {page.offset > 0 ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setWhere({ ...where, offset: Math.max(0, page.offset - 100) })}
              >
                {t('links.partner.prev')}
              </button>
            ) : null}
            {page.nextOffset !== null ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setWhere({ ...where, offset: page.nextOffset! })}
              >
                {t('links.partner.next')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </Section>
  )
}
