/**
 * The dry run's changes as one kind of table row, whether they are writes to the target or — without a
 * target — changes to the home directory, and the screen's filter over them. No API here: tests import it.
 */
import type { DirectoryPlan, FieldChange } from '../../../../shared/model/directory'
import { directoryObjectKinds, homeChangeActions, planActions } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'

export interface ChangeRow {
  readonly id: string
  /** 'user' | 'group' for target writes; 'employee' | 'department' | 'position' | 'group' for home changes. */
  readonly object: string
  readonly key: string
  readonly name: string
  /** A PlanAction ('create'...) or a HomeChangeAction ('created'...). */
  readonly action: string
  readonly fields: readonly FieldChange[]
  readonly reason: Localized | null
}

export interface ChangeRows {
  /** 'target' when the plan has a target (its writes are listed), else 'home'. */
  readonly source: 'target' | 'home'
  readonly rows: readonly ChangeRow[]
  /** How many the whole plan holds; `rows` may be cut short. */
  readonly total: number
}

export interface ChangeFilter {
  /** '' for any. */
  readonly object: string
  readonly action: string
  readonly text: string
}

export const anyChange: ChangeFilter = { object: '', action: '', text: '' }

export function planRows(plan: DirectoryPlan): ChangeRows {
  if (plan.hasTarget) {
    return {
      source: 'target',
      total: plan.itemsTotal,
      rows: plan.items.map((item) => ({ id: `${item.object}:${item.key}`, ...item })),
    }
  }
  return {
    source: 'home',
    total: plan.homeChangesTotal,
    rows: plan.homeChanges.map((change) => ({
      id: `${change.kind}:${change.key}`,
      object: change.kind,
      key: change.key,
      name: change.name,
      action: change.action,
      fields: change.fields,
      reason: change.reason ?? null,
    })),
  }
}

function searchable(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Object and action match exactly; the text is looked for in the key, the name, field names and values. */
export function filterRows(rows: readonly ChangeRow[], filter: ChangeFilter): readonly ChangeRow[] {
  const text = filter.text.trim().toLowerCase()
  return rows.filter((row) => {
    if (filter.object && row.object !== filter.object) return false
    if (filter.action && row.action !== filter.action) return false
    if (!text) return true
    const haystack = [
      row.key,
      row.name,
      ...row.fields.flatMap((f) => [f.field, searchable(f.before), searchable(f.after)]),
    ]
    return haystack.some((part) => part.toLowerCase().includes(text))
  })
}

/** The filter's choices for each kind of list. */
export const filterChoices = {
  target: { objects: ['user', 'group'], actions: planActions },
  home: { objects: directoryObjectKinds, actions: homeChangeActions },
} as const satisfies Record<ChangeRows['source'], { objects: readonly string[]; actions: readonly string[] }>
