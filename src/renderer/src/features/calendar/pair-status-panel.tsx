import type { ReactNode } from 'react'
import type { CalendarPairStatus } from '../../../../shared/model/calendar'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useT } from '../../i18n'
import { useCalendarStore } from '../../stores/calendar-store'
import { CheckResult } from './check-result'
import { LastSync } from './last-sync'
import { PairState } from './pair-state'

interface PanelProps {
  readonly pair: CalendarPairStatus
  /** The form below has unsaved changes: check and run still use the saved settings, so say so. */
  readonly dirty: boolean
}

function PairActions({ pair, dirty }: PanelProps): ReactNode {
  const t = useT()
  const pending = useCalendarStore((s) => s.pending.has(pair.id))
  const checking = useCalendarStore((s) => s.checks[pair.id]?.running ?? false)
  const { run, check, resume, stop } = useCalendarStore.getState()
  return (
    <div className="form-actions">
      {/* Not disabled while working, so the focus stays; the store ignores a second start. */}
      <Button testId="pair-check" onClick={() => void check(pair.id)}>
        {t('calendar.check')}
      </Button>
      {pair.state !== 'disabled' ? (
        <Button primary testId="pair-run-now" onClick={() => void run(pair.id)}>
          {t('calendar.runNow')}
        </Button>
      ) : null}
      {pair.state === 'stopped' ? (
        <Button disabled={pending} testId="pair-resume-now" onClick={() => void resume(pair.id)}>
          {t('calendar.resume')}
        </Button>
      ) : null}
      {pair.state === 'syncing' ? (
        <Button disabled={pending} testId="pair-stop" onClick={() => void stop(pair.id)}>
          {t('calendar.stop')}
        </Button>
      ) : null}
      {checking ? <Busy label={t('calendar.checking')} /> : null}
      {dirty ? <span className="field-hint">{t('calendar.usesSaved')}</span> : null}
    </div>
  )
}

/** The user's state, counts and last sync, with 「チェック」, 「今すぐ同期」 and 再開 / 停止. */
export function PairStatusPanel({ pair, dirty }: PanelProps): ReactNode {
  const t = useT()
  const run = useCalendarStore((s) => s.runs[pair.id])
  const check = useCalendarStore((s) => s.checks[pair.id])
  return (
    <Section title={t('calendar.pair.status')} testId="pair-status">
      <table className="form-table">
        <tbody>
          <tr>
            <th scope="row">{t('calendar.col.state')}</th>
            <td>
              <PairState pair={pair} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('calendar.col.events')}</th>
            <td data-testid="pair-event-count">
              {t('calendar.events', { count: formatCount(pair.eventCount) })}
              {pair.setAside > 0 ? (
                <span className="muted">
                  {' '}
                  {t('calendar.setAside', { count: formatCount(pair.setAside) })}
                </span>
              ) : null}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('calendar.col.errorsShort')}</th>
            <td>{formatCount(pair.errorsInWindow)}</td>
          </tr>
          <tr>
            <th scope="row">{t('calendar.col.lastSync')}</th>
            <td>
              <LastSync pair={pair} run={run} />
            </td>
          </tr>
        </tbody>
      </table>
      <PairActions pair={pair} dirty={dirty} />
      <ErrorBanner message={check?.error ?? null} />
      {check?.result ? <CheckResult result={check.result} /> : null}
    </Section>
  )
}
