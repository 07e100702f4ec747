import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { HomeCounts, ImportState, LastRun } from '../directory/last-run'

/** One glance at directory sync (people at home, last run, a run under way) with the way to its screen. */
export function DirectorySummary(): ReactNode {
  const t = useT()
  const status = useDirectoryStore((s) => s.status)
  const error = useDirectoryStore((s) => s.statusError)
  const go = useNavigationStore((s) => s.go)
  return (
    <Section
      title={t('dashboard.directory')}
      testId="directory-summary"
      actions={
        <Button testId="open-directory" onClick={() => go('directory')}>
          {t('dashboard.directory.open')}
        </Button>
      }
    >
      <ErrorBanner message={error} />
      {status ? (
        <table className="form-table">
          <tbody>
            <tr>
              <th scope="row">{t('directory.status.home')}</th>
              <td>
                <HomeCounts counts={status.counts} />
                {status.importInProgress ? (
                  <>
                    {' '}
                    <ImportState inProgress />
                  </>
                ) : null}
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
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
