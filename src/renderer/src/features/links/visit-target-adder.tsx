import type { ReactNode } from 'react'
import { useState } from 'react'
import type { VisitTarget } from '../../../../shared/model/sitelink-rules'
import { useLanguage, useT } from '../../i18n'
import { EmployeePicker } from '../calendar/employee-picker'
import { departmentTree } from './department-tree'
import type { HomeCatalog } from './use-home-catalog'

type Kind = VisitTarget['kind']
const kinds: readonly Kind[] = ['employee', 'department', 'group', 'position']

/** Adds one 訪問対象: a home employee (searched), a department (with its sub-departments), a group, a position. */
export function VisitTargetAdder({
  catalog,
  onAdd,
}: {
  readonly catalog: HomeCatalog
  readonly onAdd: (target: VisitTarget, name: string) => void
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [kind, setKind] = useState<Kind>('department')
  const [code, setCode] = useState('')
  const name = (o: { nameJa: string; nameEn: string | null }): string =>
    language === 'en' && o.nameEn ? o.nameEn : o.nameJa
  const options: { code: string; label: string }[] =
    kind === 'department'
      ? departmentTree(catalog.departments).map((d) => ({
          code: d.code,
          label: `${'　'.repeat(d.depth)}${name(d)}`,
        }))
      : kind === 'group'
        ? catalog.groups.map((g) => ({ code: g.code, label: name(g) }))
        : catalog.positions.map((p) => ({ code: p.code, label: name(p) }))
  const add = (): void => {
    const found = options.find((o) => o.code === code)
    if (!found || kind === 'employee') return
    onAdd({ kind, code }, found.label.trim())
    setCode('')
  }
  return (
    <div className="rule-adder" data-testid="visit-adder">
      <label>
        {t('links.visit.kind')}{' '}
        <select
          value={kind}
          data-testid="visit-add-kind"
          onChange={(e) => {
            setKind(e.target.value as Kind)
            setCode('')
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`links.visit.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'employee' ? (
        <EmployeePicker onPick={(e) => onAdd({ kind: 'employee', key: e.key }, name(e))} />
      ) : (
        <>
          <select
            aria-label={t(`links.visit.kind.${kind}`)}
            value={code}
            data-testid="visit-add-code"
            onChange={(e) => setCode(e.target.value)}
          >
            <option value="">{t('links.visit.choose')}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            disabled={!code}
            data-testid="visit-add"
            onClick={add}
          >
            {t('links.visit.add')}
          </button>
          {options.length === 0 ? <span className="muted">{t('links.visit.noOptions')}</span> : null}
        </>
      )}
      {kind === 'department' ? <p className="note">{t('links.visit.subDepartments')}</p> : null}
      {kind === 'position' ? <p className="note">{t('links.visit.everyDepartment')}</p> : null}
    </div>
  )
}
