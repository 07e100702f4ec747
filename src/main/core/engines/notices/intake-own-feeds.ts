import type { CalendarChange } from '../../../../shared/model/calendar'
import { ApiError } from '../../../../shared/model/errors'
import type { NoticeEventInput, NoticeSettings } from '../../../../shared/model/notices'
import { CalendarPairRepository } from '../calendar/calendar-pair-repository'
import type { PeopleIndex } from './core-people'
import { directoryNotice } from './intake-directory-events'
import { createHistoryFeed } from './intake-history-feed'
import { calendarNotice, isCalendarChange, pairAddressee } from './intake-own-events'
import type { NoticeContext } from './notice-context'
import type { NoticeIntake } from './notice-ports'

/**
 * Renkei's own change records as events (settings.ownEvents), read from the history rows the engines commit
 * them with (`intake-history-feed.ts`), so a crash loses none: calendar sync's creates / updates / deletes
 * (on each `calendar.change`), directory sync's account writes (on each `directory.changed`). Site-link
 * receipts are not events yet (see README). Returns the unsubscribe.
 */
export function listenToOwnEvents(
  ctx: NoticeContext,
  intake: NoticeIntake,
  settings: () => NoticeSettings,
  people: () => PeopleIndex,
): () => void {
  const take = (source: 'calendar' | 'directory', event: NoticeEventInput): void => {
    try {
      intake.ingest(source, event)
    } catch (error) {
      // The engine's run goes on; the admin reads why its change made no notice.
      const why = error instanceof ApiError ? error.localized : { ja: String(error), en: String(error) }
      ctx.history.append({
        direction: 'local',
        category: 'notices',
        level: 'error',
        message: `お知らせ通知: ${source} の変更を通知にできませんでした（${why.ja}）`,
        messageEn: `Notice relay: a ${source} change could not become a notice (${why.en})`,
        detail: { source, eventId: event.id },
      })
    }
  }
  const on = (which: keyof NoticeSettings['ownEvents']): boolean => {
    const current = settings()
    return current.enabled && current.ownEvents[which]
  }
  const pairs = new CalendarPairRepository(ctx.db, ctx.now)
  const calendar = createHistoryFeed(ctx, 'notices.calendar-history-seen', 'calendar', (row) => {
    if (!isCalendarChange(row.detail) || !on('calendar')) return
    const change: CalendarChange = row.detail
    take(
      'calendar',
      calendarNotice(change, pairAddressee(pairs.get(change.pairId)?.config ?? null, change, people())),
    )
  })
  const directory = createHistoryFeed(ctx, 'notices.directory-history-seen', 'directory', (row) => {
    const event = on('directory') ? directoryNotice(row) : null
    if (event) take('directory', event)
  })
  // Changes committed before a crash (or while this process was not running) first, then each new one.
  calendar.catchUp()
  directory.catchUp()
  const unsubscribe = [
    ctx.events.subscribe('calendar.change', () => calendar.catchUp()),
    ctx.events.subscribe('directory.changed', () => directory.catchUp()),
  ]
  return () => unsubscribe.forEach((u) => u())
}
