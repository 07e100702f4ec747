import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import type { DirectoryPlan } from '../../../../shared/model/directory'
import { EmptyState } from '../../components/messages'
import { formatCount, useLanguage, useT } from '../../i18n'
import type { DepartmentLabel } from './change-labels'
import {
  actionClass,
  actionLabel,
  departmentLabel,
  fieldLabel,
  formatValue,
  objectLabel,
} from './change-labels'
import type { ChangeFilter, ChangeRow, ChangeRows } from './plan-rows'
import { anyChange, filterChoices, filterRows, planRows } from './plan-rows'

interface FilterBarProps {
  readonly source: ChangeRows['source']
  readonly filter: ChangeFilter
  readonly onChange: (filter: ChangeFilter) => void
}

/** Narrows the list as the admin types or picks; nothing is sent to the core. */
function FilterBar({ source, filter, onChange }: FilterBarProps): ReactNode {
  const t = useT()
  const id = useId()
  const choices = filterChoices[source]
  return (
    <div className="change-filter" role="search" aria-label={t('directory.plan.filter')}>
      <label htmlFor={`${id}-object`}>{t('directory.plan.col.object')}</label>
      <select
        id={`${id}-object`}
        data-testid="plan-filter-object"
        value={filter.object}
        onChange={(e) => onChange({ ...filter, object: e.target.value })}
      >
        <option value="">{t('history.any')}</option>
        {choices.objects.map((o) => (
          <option key={o} value={o}>
            {objectLabel(source, o, t)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-action`}>{t('directory.plan.col.action')}</label>
      <select
        id={`${id}-action`}
        data-testid="plan-filter-action"
        value={filter.action}
        onChange={(e) => onChange({ ...filter, action: e.target.value })}
      >
        <option value="">{t('history.any')}</option>
        {choices.actions.map((a) => (
          <option key={a} value={a}>
            {actionLabel(source, a, t)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-text`}>{t('history.text')}</label>
      <input
        id={`${id}-text`}
        data-testid="plan-filter-text"
        type="search"
        maxLength={200}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
    </div>
  )
}

/** Field by field: "メールアドレス: old → new"; a new object lists only what it gets. */
function FieldChanges({
  source,
  row,
  department,
}: {
  readonly source: ChangeRows['source']
  readonly row: ChangeRow
  readonly department: DepartmentLabel
}): ReactNode {
  const t = useT()
  if (row.fields.length === 0) return <span className="muted">—</span>
  const created = row.action === 'create' || row.action === 'created'
  return (
    <ul className="field-changes">
      {row.fields.map((f) => (
        <li key={f.field}>
          <span className="field-name">{fieldLabel(source, row.object, f.field, t)}</span>
          {created ? null : (
            <>
              <span className="value-before">{formatValue(f.field, f.before, t, department)}</span>
              <span className="arrow" aria-label={t('directory.plan.becomes')}>
                →
              </span>
            </>
          )}
          <span className="value-after">{formatValue(f.field, f.after, t, department)}</span>
        </li>
      ))}
    </ul>
  )
}

/** Every change of the dry run: writes to the target, or home-directory changes when there is no target. */
export function PlanItemsTable({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const department = departmentLabel(plan.departmentNames, language, t)
  const [filter, setFilter] = useState<ChangeFilter>(anyChange)
  const { source, rows, total } = planRows(plan)
  const shown = filterRows(rows, filter)
  if (total === 0) {
    return <EmptyState title={t('directory.plan.noChanges')} testId="plan-no-changes" />
  }
  return (
    <div data-testid="plan-items">
      <h3 className="sub-heading">
        {t(source === 'target' ? 'directory.plan.items' : 'directory.plan.homeItems')}
      </h3>
      <FilterBar source={source} filter={filter} onChange={setFilter} />
      <p className="muted" data-testid="plan-items-count">
        {t('directory.plan.shown', { shown: formatCount(shown.length), total: formatCount(total) })}
        {rows.length < total ? ` ${t('directory.plan.cut', { count: formatCount(rows.length) })}` : ''}
      </p>
      <table className="grid plan-table">
        <thead>
          <tr>
            <th scope="col">{t('directory.plan.col.object')}</th>
            <th scope="col">{t('directory.plan.col.key')}</th>
            <th scope="col">{t('directory.plan.col.name')}</th>
            <th scope="col">{t('directory.plan.col.action')}</th>
            <th scope="col">{t('directory.plan.col.fields')}</th>
            <th scope="col">{t('directory.plan.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} data-testid="plan-row">
              <td className="nowrap">{objectLabel(source, row.object, t)}</td>
              <td className="nowrap">
                <code>{row.key}</code>
              </td>
              <td>{row.name}</td>
              <td className="nowrap">
                <span className={actionClass(row.action)}>{actionLabel(source, row.action, t)}</span>
              </td>
              <td>
                <FieldChanges source={source} row={row} department={department} />
              </td>
              <td>{row.reason?.[language] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
