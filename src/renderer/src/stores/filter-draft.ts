import type { HistoryFilter } from '../../../shared/api'

/** What the history filter form holds: strings exactly as typed, converted on submit (no API here, so tests can import it). */
export interface FilterDraft {
  readonly site: string
  readonly direction: '' | NonNullable<HistoryFilter['direction']>
  readonly category: string
  readonly level: '' | NonNullable<HistoryFilter['level']>
  readonly from: string
  readonly to: string
  readonly text: string
}

export const emptyDraft: FilterDraft = {
  site: '',
  direction: '',
  category: '',
  level: '',
  from: '',
  to: '',
  text: '',
}
