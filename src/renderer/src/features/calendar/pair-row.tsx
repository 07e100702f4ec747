import type { ReactNode } from 'react'
import type { CalendarPairStatus } from '../../../../shared/model/calendar'
import { formatCount, useT } from '../../i18n'
import { useCalendarStore } from '../../stores/calendar-store'
import { LastSync } from './last-sync'
import { PairState } from './pair-state'

interface PairRowProps {
  readonly pair: CalendarPairStatus
  /** The permit as shown: the saved one, or the admin's not yet applied choice. */
  readonly permitted: boolean
  readonly onPermit: (permitted: boolean) => void
}

/** 利用許可: a radio pair per row; arrow keys switch it, 「更新」 below the list applies every change. */
function PermitRadios({ pair, permitted, onPermit }: PairRowProps): ReactNode {
  const t = useT()
  const name = `permit-${pair.id}`
  return (
    <div
      role="radiogroup"
      aria-label={t('calendar.permitFor', { name: pair.name })}
      className="radio-group permit-radios"
      data-testid="permit"
    >
      <label>
        <input type="radio" name={name} checked={permitted} onChange={() => onPermit(true)} />
        {t('calendar.permit.on')}
      </label>
      <label>
        <input type="radio" name={name} checked={!permitted} onChange={() => onPermit(false)} />
        {t('calendar.permit.off')}
      </label>
    </div>
  )
}

function RowActions({ pair }: { readonly pair: CalendarPairStatus }): ReactNode {
  const t = useT()
  const pending = useCalendarStore((s) => s.pending.has(pair.id))
  const { resume, run: runNow } = useCalendarStore.getState()
  return (
    <div className="row-actions">
      {pair.state === 'stopped' ? (
        <button
          type="button"
          className="button button-small"
          aria-label={t('calendar.resumeFor', { name: pair.name })}
          disabled={pending}
          data-testid="pair-resume"
          onClick={() => void resume(pair.id)}
        >
          {t('calendar.resume')}
        </button>
      ) : null}
      {pair.state !== 'disabled' ? (
        // Not disabled while running, so the focus stays; the store ignores a second start.
        <button
          type="button"
          className="button button-small"
          aria-label={t('calendar.runFor', { name: pair.name })}
          data-testid="pair-run"
          onClick={() => void runNow(pair.id)}
        >
          {t('calendar.runNow')}
        </button>
      ) : null}
    </div>
  )
}

/** One user of seed 001's ユーザー設定 list. */
export function PairRow(props: PairRowProps): ReactNode {
  const t = useT()
  const { pair } = props
  const open = useCalendarStore((s) => s.open)
  const run = useCalendarStore((s) => s.runs[pair.id])
  return (
    <tr data-testid="pair-row" data-id={pair.id}>
      <td className="num">{pair.number}</td>
      <td className="state-cell">
        <PairState pair={pair} />
      </td>
      <td>
        <button
          type="button"
          className="button-link pair-name"
          data-testid="pair-name"
          data-pair={pair.id}
          onClick={() => open({ kind: 'edit', id: pair.id })}
        >
          {pair.name}
        </button>
      </td>
      <td className="route">
        <div>{pair.sourceLabel}</div>
        <div>
          <span className="arrow" aria-label={t(`calendar.direction.${pair.direction}`)}>
            {pair.direction === 'two-way' ? '⇄' : '→'}
          </span>
          {pair.targetLabel}
        </div>
      </td>
      <td className="num" data-testid="event-count">
        {formatCount(pair.eventCount)}
        {pair.setAside > 0 ? (
          <div className="job-message">{t('calendar.setAside', { count: formatCount(pair.setAside) })}</div>
        ) : null}
      </td>
      <td className={pair.errorsInWindow > 0 ? 'num error-text' : 'num'} data-testid="errors-in-window">
        {formatCount(pair.errorsInWindow)}
      </td>
      <td className="last-sync">
        <LastSync pair={pair} run={run} />
      </td>
      <td className="actions-cell">
        <RowActions pair={pair} />
      </td>
      <td className="nowrap">
        <PermitRadios {...props} />
      </td>
    </tr>
  )
}
