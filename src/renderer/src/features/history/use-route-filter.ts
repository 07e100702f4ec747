import { useEffect } from 'react'
import type { HistoryFilter } from '../../../../shared/api'
import { localized } from '../../i18n'
import { emptyDraft, type FilterDraft } from '../../stores/filter-draft'
import { useHistoryStore } from '../../stores/history-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { draftToFilter } from './draft-to-filter'

function sameFilter(a: HistoryFilter, b: HistoryFilter): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof HistoryFilter>
  return [...keys].every((key) => a[key] === b[key])
}

/**
 * The filter in the URL (`#/history?level=error&site=…`) is the one searched: on load, on Back and
 * Forward, and from links on other screens. A filter the form already searched is not fetched again.
 */
export function useRouteFilter(): void {
  const draft = useNavigationStore((s) => (s.route.screen === 'history' ? s.route.filter : emptyDraft))
  const key = JSON.stringify(draft)
  useEffect(() => {
    const wanted = JSON.parse(key) as FilterDraft
    const result = draftToFilter(wanted)
    const history = useHistoryStore.getState()
    if ('error' in result) {
      history.setDraft(wanted)
      history.setError(localized(result.error))
      return
    }
    if (history.searched && sameFilter(history.filter, result.filter)) return
    history.setDraft(wanted)
    void history.apply(result.filter)
  }, [key])
}

/** Records a searched filter in the URL, so reload, Back and a bookmark keep it. */
export function showFilter(draft: FilterDraft): void {
  useNavigationStore.getState().navigate({ screen: 'history', filter: draft })
}
