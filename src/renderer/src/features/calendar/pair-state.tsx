import type { ReactNode } from 'react'
import type { CalendarPairState, CalendarPairStatus } from '../../../../shared/model/calendar'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'

const stateClass: Readonly<Record<CalendarPairState, string>> = {
  syncing: 'state state-set',
  stopped: 'state state-paused',
  disabled: 'state state-unset',
}

/** Seed 001 ② 状態: 有効(同期中) / 有効(停止中) with why and since when / 無効. */
export function PairState({ pair }: { readonly pair: CalendarPairStatus }): ReactNode {
  const t = useT()
  return (
    <div data-testid="pair-state">
      <span className={stateClass[pair.state]}>{t(`calendar.state.${pair.state}`)}</span>
      {pair.state === 'stopped' && pair.stopReason ? (
        <div className="stop-reason" data-testid="stop-reason">
          {t(`calendar.stopReason.${pair.stopReason}`)}
          {pair.stoppedAt !== null ? <div className="muted">{formatDateTime(pair.stoppedAt)}</div> : null}
        </div>
      ) : null}
    </div>
  )
}
