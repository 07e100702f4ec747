import type { ReactNode } from 'react'
import type { DirectoryProgress } from '../../../../shared/model/directory'
import { formatCount, useT } from '../../i18n'

/** A bar and a line of text while a dry run or a run works; the bar is indeterminate while the total is unknown. */
export function RunProgress({ progress }: { readonly progress: DirectoryProgress | null }): ReactNode {
  const t = useT()
  const text = !progress
    ? t('directory.progress.starting')
    : progress.total !== null
      ? t(`directory.progress.${progress.phase}Of`, {
          done: formatCount(progress.done),
          total: formatCount(progress.total),
        })
      : t(`directory.progress.${progress.phase}`, { done: formatCount(progress.done) })
  const known = progress !== null && progress.total !== null && progress.total > 0
  return (
    <div className="run-progress" data-testid="run-progress">
      <progress
        aria-label={t('directory.progress.label')}
        max={known ? progress.total! : undefined}
        value={known ? progress.done : undefined}
      />
      <span role="status" aria-live="polite">
        {text}
      </span>
    </div>
  )
}
