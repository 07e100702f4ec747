import type { ReactNode } from 'react'
import type { EmployeeSummary } from '../../../../shared/model/directory'
import { useLanguage, useT } from '../../i18n'

/** The people of the selected department: the key the targets match on, names, e-mail, positions, state. */
export function PeopleTable({ employees }: { readonly employees: readonly EmployeeSummary[] }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (employees.length === 0) return null
  return (
    <table className="grid people-table" data-testid="people-table">
      <thead>
        <tr>
          <th scope="col">{t('directory.userField.key')}</th>
          <th scope="col">{t('directory.userField.nameJa')}</th>
          <th scope="col">{t('directory.userField.login')}</th>
          <th scope="col">{t('directory.userField.email')}</th>
          <th scope="col">{t('directory.userField.positions')}</th>
          <th scope="col">{t('directory.people.state')}</th>
        </tr>
      </thead>
      <tbody>
        {employees.map((e) => (
          <tr key={e.key} data-testid="person-row">
            <td className="nowrap">
              <code>{e.key}</code>
            </td>
            <td>
              {language === 'en' && e.nameEn ? e.nameEn : e.nameJa}
              {language === 'ja' && e.nameEn ? <span className="muted"> ({e.nameEn})</span> : null}
            </td>
            <td>{e.login}</td>
            <td>{e.email ?? <span className="muted">{t('directory.value.none')}</span>}</td>
            <td>{e.positions.length > 0 ? e.positions.join('、') : <span className="muted">—</span>}</td>
            <td className="nowrap">
              <span className={e.active ? 'state state-set' : 'state state-paused'}>
                {t(e.active ? 'directory.value.active' : 'directory.value.suspended')}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
