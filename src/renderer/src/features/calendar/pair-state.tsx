import type { ReactNode } from 'react'
import type { CalendarPairStatus } from '../../../../shared/model/calendar'
import '../../components/health-badge.css'
import { formatCount, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'

/** Amber while errors repeat, red once stopped automatically (seed 001's auto-stop), green only when fine. */
function badgeClass(pair: CalendarPairStatus): string {
  if (pair.state === 'disabled') return 'state state-unset'
  if (pair.state === 'stopped')
    return pair.stopReason === 'admin' ? 'state state-paused' : 'state state-stopped-auto'
  return pair.errorStreak > 0 ? 'state state-errors' : 'state state-set'
}

/** Seed 001 ② 状態: 有効(同期中) / 有効(エラー発生中) / 有効(停止中) with why and since when / 無効. */
export function PairState({ pair }: { readonly pair: CalendarPairStatus }): ReactNode {
  const t = useT()
  const erring = pair.state === 'syncing' && pair.errorStreak > 0
  return (
    <div data-testid="pair-state" data-error-streak={pair.errorStreak}>
      <span className={badgeClass(pair)}>
        {t(erring ? 'calendar.state.errors' : `calendar.state.${pair.state}`)}
      </span>
      {erring && pair.errorStreak > 1 ? (
        <div className="muted" data-testid="error-streak">
          {t('health.streak', { count: formatCount(pair.errorStreak) })}
        </div>
      ) : null}
      {pair.state === 'stopped' && pair.stopReason ? (
        <div className="stop-reason" data-testid="stop-reason">
          {t(`calendar.stopReason.${pair.stopReason}`)}
          {pair.stoppedAt !== null ? <div className="muted">{formatDateTime(pair.stoppedAt)}</div> : null}
        </div>
      ) : null}
    </div>
  )
}
