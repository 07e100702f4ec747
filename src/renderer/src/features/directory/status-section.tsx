import type { ReactNode } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { useDirectoryStore } from '../../stores/directory-store'
import { HomeCounts, ImportState, LastRun } from './last-run'
import { RunProgress } from './run-progress'

/** 状態: what the home directory holds, the last run, and a run in progress (also one started by the schedule). */
export function StatusSection(): ReactNode {
  const t = useT()
  const status = useDirectoryStore((s) => s.status)
  const error = useDirectoryStore((s) => s.statusError)
  const progress = useDirectoryStore((s) => s.progress)
  // This window's own preview or run shows its progress beside its buttons instead.
  const ownWork = useDirectoryStore((s) => s.busy !== null)
  return (
    <Section title={t('directory.status')} testId="directory-status">
      <ErrorBanner message={error} />
      {status ? (
        <>
          <table className="form-table">
            <tbody>
              <tr>
                <th scope="row">{t('directory.status.import')}</th>
                <td>
                  <ImportState inProgress={status.importInProgress} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('directory.status.home')}</th>
                <td>
                  <HomeCounts counts={status.counts} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('directory.status.importedAt')}</th>
                <td data-testid="imported-at">
                  {status.importedAt !== null ? (
                    formatDateTime(status.importedAt)
                  ) : (
                    <span className="muted">{t('directory.status.never')}</span>
                  )}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('directory.status.lastRun')}</th>
                <td>
                  <LastRun run={status.lastRun} />
                </td>
              </tr>
            </tbody>
          </table>
          {status.importInProgress && !ownWork ? <RunProgress progress={progress} /> : null}
        </>
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
