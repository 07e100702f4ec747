import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useCalendarStore } from '../../stores/calendar-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { CalendarCounts } from '../calendar/users-section'

/** One glance at calendar sync (users syncing, stopped, disabled; the next cycle) with the way to its screen. */
export function CalendarSummary(): ReactNode {
  const t = useT()
  const status = useCalendarStore((s) => s.status)
  const error = useCalendarStore((s) => s.statusError)
  const go = useNavigationStore((s) => s.go)
  return (
    <Section
      title={t('dashboard.calendar')}
      testId="calendar-summary"
      actions={
        <Button testId="open-calendar" onClick={() => go('calendar')}>
          {t('dashboard.calendar.open')}
        </Button>
      }
    >
      <ErrorBanner message={error} />
      {status ? (
        status.pairs.length === 0 ? (
          <p className="note" data-testid="calendar-summary-empty">
            {t('dashboard.calendar.empty')}
          </p>
        ) : (
          <CalendarCounts status={status} />
        )
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
