import type { FormEvent, ReactNode } from 'react'
import { useId } from 'react'
import { directions, levels } from '../../../../shared/model/history'
import { labelledCategories } from '../../../../shared/model/history-labels'
import { Button } from '../../components/button'
import { localized, useT } from '../../i18n'
import { emptyDraft, type FilterDraft } from '../../stores/filter-draft'
import { useHistoryStore } from '../../stores/history-store'
import { categoryText } from './category-label'
import { draftToFilter } from './draft-to-filter'
import { EnumSelect, FieldCells, TextField } from './filter-fields'
import { useHistoryFacets } from './use-history-facets'
import { showFilter } from './use-route-filter'

/** Renkei's own categories first, then any others the history holds, and the one chosen (a link may bring it). */
function categoryOptions(held: readonly string[], chosen: string): string[] {
  const own: readonly string[] = labelledCategories
  const others = [...held, ...(chosen ? [chosen] : [])].filter((c) => !own.includes(c))
  return [...own, ...new Set(others)]
}

/** The seed's "ログ: 検索" block. A real form, so Enter in any field submits it. */
export function FilterForm(): ReactNode {
  const t = useT()
  const id = useId()
  const draft = useHistoryStore((s) => s.draft)
  const searching = useHistoryStore((s) => s.searching)
  const { setDraft, apply, setError } = useHistoryStore.getState()
  const facets = useHistoryFacets()

  const edit = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]): void =>
    setDraft({ ...draft, [key]: value })

  /** What a field takes from its draft key, so its id, test id, label and value cannot disagree. */
  const bind = <K extends Exclude<keyof FilterDraft, 'from' | 'to'>>(key: K) => ({
    id: `${id}-${key}`,
    testId: `filter-${key}`,
    label: t(`history.${key}`),
    value: draft[key],
    onChange: (value: FilterDraft[K]) => edit(key, value),
  })

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = draftToFilter(draft)
    if ('error' in result) setError(localized(result.error))
    else {
      void apply(result.filter)
      showFilter(draft)
    }
  }

  const reset = (): void => {
    setDraft(emptyDraft)
    void apply({})
    showFilter(emptyDraft)
  }

  return (
    <form className="filter-form" onSubmit={submit} data-testid="history-filter" noValidate>
      <table className="form-table">
        <tbody>
          <tr>
            <TextField
              {...bind('site')}
              maxLength={200}
              suggestions={facets.sites}
              hint={t('history.site.hint')}
            />
            <EnumSelect
              {...bind('direction')}
              options={directions}
              optionLabel={(d) => t(`direction.${d}`)}
            />
          </tr>
          <tr>
            <EnumSelect
              {...bind('category')}
              options={categoryOptions(facets.categories, draft.category)}
              optionLabel={(c) => categoryText(t, c)}
            />
            <EnumSelect {...bind('level')} options={levels} optionLabel={(l) => t(`level.${l}`)} />
          </tr>
          <tr>
            <FieldCells id={`${id}-from`} label={t('history.period')} className="period">
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
            </FieldCells>
            <TextField {...bind('text')} type="search" maxLength={200} />
          </tr>
        </tbody>
      </table>
      <div className="form-actions">
        <Button type="submit" primary disabled={searching} testId="filter-submit">
          {t('history.submit')}
        </Button>
        <Button disabled={searching} onClick={reset}>
          {t('history.reset')}
        </Button>
      </div>
    </form>
  )
}
