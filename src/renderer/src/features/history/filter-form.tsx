import type { FormEvent, ReactNode } from 'react'
import { useId } from 'react'
import { directions, levels } from '../../../../shared/model/history'
import { localized, useT } from '../../i18n'
import { emptyDraft, type FilterDraft } from '../../stores/filter-draft'
import { useHistoryStore } from '../../stores/history-store'
import { draftToFilter } from './draft-to-filter'

/** The seed's "ログ: 検索" block. A real form, so Enter in any field submits it. */
export function FilterForm(): ReactNode {
  const t = useT()
  const id = useId()
  const draft = useHistoryStore((s) => s.draft)
  const searching = useHistoryStore((s) => s.searching)
  const { setDraft, apply, setError } = useHistoryStore.getState()

  const edit = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]): void =>
    setDraft({ ...draft, [key]: value })

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = draftToFilter(draft)
    if ('error' in result) setError(localized(result.error))
    else void apply(result.filter)
  }

  const reset = (): void => {
    setDraft(emptyDraft)
    void apply({})
  }

  return (
    <form className="filter-form" onSubmit={submit} data-testid="history-filter" noValidate>
      <table className="form-table">
        <tbody>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-site`}>{t('history.site')}</label>
            </th>
            <td>
              <input
                id={`${id}-site`}
                data-testid="filter-site"
                type="text"
                maxLength={200}
                value={draft.site}
                onChange={(e) => edit('site', e.target.value)}
              />
            </td>
            <th scope="row">
              <label htmlFor={`${id}-direction`}>{t('history.direction')}</label>
            </th>
            <td>
              <select
                id={`${id}-direction`}
                data-testid="filter-direction"
                value={draft.direction}
                onChange={(e) => edit('direction', e.target.value as FilterDraft['direction'])}
              >
                <option value="">{t('history.any')}</option>
                {directions.map((d) => (
                  <option key={d} value={d}>
                    {t(`direction.${d}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-category`}>{t('history.category')}</label>
            </th>
            <td>
              <input
                id={`${id}-category`}
                data-testid="filter-category"
                type="text"
                maxLength={100}
                value={draft.category}
                onChange={(e) => edit('category', e.target.value)}
              />
            </td>
            <th scope="row">
              <label htmlFor={`${id}-level`}>{t('history.level')}</label>
            </th>
            <td>
              <select
                id={`${id}-level`}
                data-testid="filter-level"
                value={draft.level}
                onChange={(e) => edit('level', e.target.value as FilterDraft['level'])}
              >
                <option value="">{t('history.any')}</option>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {t(`level.${l}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-from`}>{t('history.period')}</label>
            </th>
            <td className="period">
              <div>
                <input
                  id={`${id}-from`}
                  data-testid="filter-from"
                  type="date"
                  aria-label={`${t('history.period')} ${t('history.from')}`}
                  value={draft.from}
                  onChange={(e) => edit('from', e.target.value)}
                />
                <span aria-hidden="true">{t('history.periodSep')}</span>
                <input
                  type="date"
                  data-testid="filter-to"
                  aria-label={`${t('history.period')} ${t('history.to')}`}
                  value={draft.to}
                  onChange={(e) => edit('to', e.target.value)}
                />
              </div>
            </td>
            <th scope="row">
              <label htmlFor={`${id}-text`}>{t('history.text')}</label>
            </th>
            <td>
              <input
                id={`${id}-text`}
                data-testid="filter-text"
                type="search"
                maxLength={200}
                value={draft.text}
                onChange={(e) => edit('text', e.target.value)}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={searching}
          data-testid="filter-submit"
        >
          {t('history.submit')}
        </button>
        <button type="button" className="button" disabled={searching} onClick={reset}>
          {t('history.reset')}
        </button>
      </div>
    </form>
  )
}
