import type { ReactNode } from 'react'
import type { HealthSubject } from '../../../../shared/model/health'
import { useT } from '../../i18n'
import { openSubject } from './health-labels'

/** The 「開く」 cell of a health row: goes to the screen where the subject is fixed. */
export function OpenSubjectCell({
  subject,
  name,
}: {
  readonly subject: HealthSubject
  readonly name: string
}): ReactNode {
  const t = useT()
  return (
    <td className="nowrap actions">
      <button
        type="button"
        className="button button-small"
        aria-label={t('dashboard.attention.openFor', { name })}
        onClick={() => openSubject(subject)}
      >
        {t('dashboard.attention.open')}
      </button>
    </td>
  )
}
