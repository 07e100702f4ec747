import type { ReactNode } from 'react'
import { useState } from 'react'
import type { CalendarStatus, CalendarStopped } from '../../../../shared/model/calendar'
import type { Language, Localized } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner, Notice } from '../../components/messages'
import '../../components/health-badge.css'
import { Section } from '../../components/section'
import { formatCount, translate, useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { useCalendarStore } from '../../stores/calendar-store'
import { PairRow } from './pair-row'

/** 同期中 / 停止中 / 無効 and when the next cycle starts; also the Dashboard's summary. */
export function CalendarCounts({ status }: { readonly status: CalendarStatus }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const erring = status.pairs.filter((pair) => pair.state === 'syncing' && pair.errorStreak > 0).length
  return (
    <p className="calendar-counts" data-testid="calendar-counts">
      <span className="state state-set">
        {t('calendar.count.syncing', { count: formatCount(status.counts.syncing) })}
      </span>
      {erring > 0 ? (
        <span className="state state-errors" data-testid="count-errors">
          {t('calendar.count.errors', { count: formatCount(erring) })}
        </span>
      ) : null}
      {/* Neutral at zero: nothing is stopped, nothing to look at. */}
      <span className={status.counts.stopped > 0 ? 'state state-stopped-auto' : 'state state-zero'}>
        {t('calendar.count.stopped', { count: formatCount(status.counts.stopped) })}
      </span>
      <span className="state state-unset">
        {t('calendar.count.disabled', { count: formatCount(status.counts.disabled) })}
      </span>
      <span className="next-run" data-testid="calendar-next-run">
        {t('calendar.nextRun')}:{' '}
        {status.nextRunAt !== null
          ? formatDateTimeWithWeekday(status.nextRunAt, language)
          : t('job.next.none')}
      </span>
    </p>
  )
}

function UsersTable({ status }: { readonly status: CalendarStatus }): ReactNode {
  const t = useT()
  // Permit choices not yet applied, by pair id; 「更新」 sends only those that differ from the saved ones.
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map())
  const updatePermits = useCalendarStore((s) => s.updatePermits)
  const busy = useCalendarStore((s) => s.pending.size > 0)
  const changed = status.pairs
    .filter((p) => choices.has(p.id) && choices.get(p.id) !== (p.state !== 'disabled'))
    .map((p) => ({ id: p.id, permitted: choices.get(p.id) === true }))
  const apply = async (): Promise<void> => {
    if (await updatePermits(changed)) setChoices(new Map())
  }
  return (
    <>
      <div className="table-scroll">
        <table className="grid calendar-users" data-testid="calendar-users">
          <thead>
            <tr>
              <th scope="col">{t('calendar.col.number')}</th>
              <th scope="col">{t('calendar.col.state')}</th>
              <th scope="col">{t('calendar.col.name')}</th>
              <th scope="col">{t('calendar.col.route')}</th>
              <th scope="col">{t('calendar.col.events')}</th>
              <th scope="col">{t('calendar.col.errors', { hours: status.settings.autoStopHours })}</th>
              <th scope="col">{t('calendar.col.lastSync')}</th>
              <th scope="col">{t('calendar.col.actions')}</th>
              <th scope="col">{t('calendar.col.permit')}</th>
            </tr>
          </thead>
          <tbody>
            {status.pairs.map((pair) => (
              <PairRow
                key={pair.id}
                pair={pair}
                permitted={choices.get(pair.id) ?? pair.state !== 'disabled'}
                onPermit={(permitted) => setChoices((c) => new Map(c).set(pair.id, permitted))}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions permits-bar">
        {/* Not disabled while applying, so the keyboard focus stays; the store ignores a second call. */}
        <Button primary testId="permits-update" onClick={() => void apply()}>
          {t('calendar.permits.update')}
        </Button>
        {busy ? <Busy label={t('calendar.permits.updating')} /> : null}
        {changed.length > 0 && !busy ? (
          <span className="dirty-note" data-testid="permits-dirty">
            {t('calendar.permits.pending', { count: changed.length })}
          </span>
        ) : null}
      </div>
    </>
  )
}

/** 「…の同期を自動停止しました」 with the core's reason, in both languages. */
function stoppedMessage(stopped: CalendarStopped): Localized {
  const text = (language: Language): string =>
    translate(language, 'calendar.autoStopped', {
      name: stopped.pair.name,
      message: stopped.message[language],
    })
  return { ja: text('ja'), en: text('en') }
}

/** Seed 001 §2.2 ユーザー設定: every user's state, their settings behind the name, permits with one 「更新」. */
export function UsersSection(): ReactNode {
  const t = useT()
  const status = useCalendarStore((s) => s.status)
  const statusError = useCalendarStore((s) => s.statusError)
  const listError = useCalendarStore((s) => s.listError)
  const listNotice = useCalendarStore((s) => s.listNotice)
  const stopped = useCalendarStore((s) => s.stopped)
  const { open, dismiss } = useCalendarStore.getState()
  return (
    <Section
      title={t('calendar.users')}
      testId="calendar-users-section"
      actions={
        <Button testId="calendar-add" onClick={() => open({ kind: 'add' })}>
          {t('calendar.add')}
        </Button>
      }
    >
      <ErrorBanner message={statusError} />
      <ErrorBanner message={stopped ? stoppedMessage(stopped) : null} onDismiss={dismiss} />
      <ErrorBanner message={listError} onDismiss={dismiss} />
      <Notice message={listNotice} onDismiss={dismiss} />
      {!status ? (
        statusError ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : (
        <>
          <CalendarCounts status={status} />
          {status.pairs.length === 0 ? (
            <EmptyState title={t('calendar.empty')} testId="calendar-empty">
              <p>{t('calendar.emptyHint')}</p>
            </EmptyState>
          ) : (
            <UsersTable status={status} />
          )}
        </>
      )}
    </Section>
  )
}
