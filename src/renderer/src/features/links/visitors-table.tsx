import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { formatCount, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useApiLoad } from '../../lib/use-api-load'
import { permissionLabels } from './rule-labels'

type Filter = 'all' | 'allowed' | 'denied'
const pageSize = 100

/** 「訪問できる人」: every person of one side with the rules' answer, 100 a page, filter and search. */
export function VisitorsTable({
  id,
  direction,
  onExplain,
  departmentName,
}: {
  readonly id: string
  readonly direction: 'outgoing' | 'incoming'
  readonly onExplain: (key: string, name: string) => void
  /** A home department's name in the screen's language; otherwise the name the core gave. */
  readonly departmentName?: (code: string) => string
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [filter, setFilter] = useState<Filter>('all')
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const [offset, setOffset] = useState(0)
  const {
    value: page,
    busy,
    error,
  } = useApiLoad(
    () =>
      api['link.visitors']({
        id,
        direction,
        query: query || undefined,
        allowed: filter === 'all' ? undefined : filter === 'allowed',
        offset,
      }),
    [id, direction, filter, query, offset],
  )
  const search = (event: FormEvent): void => {
    event.preventDefault()
    setOffset(0)
    setQuery(text.trim())
  }
  return (
    <div className="visitors" data-testid="visitors">
      <h3>{t(direction === 'outgoing' ? 'links.visitors.titleMine' : 'links.visitors.titlePartner')}</h3>
      <form className="accept-form" onSubmit={search}>
        <select
          aria-label={t('links.visitors.filter')}
          value={filter}
          data-testid="visitors-filter"
          onChange={(e) => {
            setOffset(0)
            setFilter(e.target.value as Filter)
          }}
        >
          <option value="all">{t('links.visitors.all')}</option>
          <option value="allowed">{t('links.visitors.allowed')}</option>
          <option value="denied">{t('links.visitors.denied')}</option>
        </select>
        <input
          type="search"
          aria-label={t('links.visitors.search')}
          placeholder={t('links.visitors.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('links.partner.searchButton')}
        </button>
        {busy ? <Busy label={t('links.rules.loading')} /> : null}
      </form>
      <ErrorBanner message={error} />
      {page ? (
        <>
          <p className="muted" data-testid="visitors-totals">
            {t('links.visitors.totals', {
              total: formatCount(page.total),
              allowed: formatCount(page.allowedTotal),
            })}
          </p>
          {page.rows.length === 0 ? (
            <p className="muted">{t('links.partner.noPeople')}</p>
          ) : (
            <table className="grid rule-table" data-testid="visitors-table">
              <thead>
                <tr>
                  <th scope="col">{t('links.partner.name')}</th>
                  <th scope="col">{t('links.visitors.department')}</th>
                  <th scope="col">{t('links.visitors.decision')}</th>
                  <th scope="col">{t('links.acceptRule.permission')}</th>
                  <th scope="col">{t('links.visitors.rule')}</th>
                  <th scope="col">{t('links.presence.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.key} data-testid="visitor-row" data-allowed={row.allowed}>
                    <td>
                      {row.name} <code className="muted">{row.key}</code>
                    </td>
                    <td>
                      {row.mainDepartment === null
                        ? '—'
                        : (departmentName?.(row.mainDepartment) ??
                          row.mainDepartmentName ??
                          row.mainDepartment)}
                    </td>
                    <td className={row.allowed ? 'ok-text' : 'rule-denied'}>
                      {t(row.allowed ? 'links.preview.allowed' : 'links.preview.denied')}
                    </td>
                    <td>{row.permission ? t(permissionLabels[row.permission]) : '—'}</td>
                    <td>{row.ruleLabel[language]}</td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => onExplain(row.key, row.name)}
                      >
                        {t('links.visitors.why')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="pager">
            <span className="pager-text">
              {t('links.partner.range', {
                from: formatCount(page.rows.length === 0 ? 0 : page.offset + 1),
                to: formatCount(page.offset + page.rows.length),
                total: formatCount(page.total),
              })}
            </span>
            {page.offset > 0 ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setOffset(Math.max(0, page.offset - pageSize))}
              >
                {t('links.partner.prev')}
              </button>
            ) : null}
            {page.nextOffset !== null ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setOffset(page.nextOffset!)}
              >
                {t('links.partner.next')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  )
}
