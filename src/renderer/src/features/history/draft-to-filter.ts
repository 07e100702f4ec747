import type { HistoryFilter } from '../../../../shared/api'
import type { MessageKey } from '../../i18n'
import { localMidnight } from '../../lib/format'
import type { FilterDraft } from '../../stores/filter-draft'

export type DraftResult = { readonly filter: HistoryFilter } | { readonly error: MessageKey }

/**
 * The form's strings as a core filter. Empty fields are left out; dates are local days, and the
 * end day is included by sending the next local midnight as the exclusive `to`.
 */
export function draftToFilter(draft: FilterDraft): DraftResult {
  const from = draft.from ? localMidnight(draft.from) : undefined
  const to = draft.to ? localMidnight(draft.to, 1) : undefined
  if (from !== undefined && to !== undefined && from >= to) return { error: 'history.badPeriod' }
  const site = draft.site.trim()
  const category = draft.category.trim()
  const text = draft.text.trim()
  return {
    filter: {
      ...(site ? { site } : {}),
      ...(draft.direction ? { direction: draft.direction } : {}),
      ...(category ? { category } : {}),
      ...(draft.level ? { level: draft.level } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(text ? { text } : {}),
    },
  }
}
