import type { CalendarChange, EventTimeRange } from '../../../../shared/model/calendar'
import type { Localized } from '../../../../shared/model/localized'
import type { NewHistoryEntry } from '../../../../shared/model/history'

/** 2026-12-01T09:00:00 → 2026-12-01 09:00 (+ zone); all-day dates as they are. */
export function formatEventTime(time: EventTimeRange | null): string {
  if (!time) return '-'
  const short = (text: string): string => text.replace('T', ' ').slice(0, time.allDay ? 10 : 16)
  const end = time.end === null ? '' : ` – ${short(time.end)}`
  const zone = time.timeZone ? ` (${time.timeZone})` : time.start.endsWith('Z') ? ' (UTC)' : ''
  return `${short(time.start)}${end}${zone}`
}

function changeMessage(change: CalendarChange): Localized {
  const what = change.summary || '(件名なし)'
  const whatEn = change.summary || '(no title)'
  const series = change.recurring ? { ja: '（繰り返し）', en: ' (recurring)' } : { ja: '', en: '' }
  const on = change.side === 'source' ? { ja: '同期元', en: 'source' } : { ja: '同期先', en: 'target' }
  switch (change.action) {
    case 'created':
      return {
        ja: `${on.ja}に予定を登録しました: ${what}${series.ja} ${formatEventTime(change.newTime)}`,
        en: `Created an event in the ${on.en}: ${whatEn}${series.en} ${formatEventTime(change.newTime)}`,
      }
    case 'updated':
      return {
        ja: `下記の内容で${on.ja}の予定を変更しました: ${what}${series.ja} ${formatEventTime(change.oldTime)} → ${formatEventTime(change.newTime)}`,
        en: `Changed an event in the ${on.en}: ${whatEn}${series.en} ${formatEventTime(change.oldTime)} → ${formatEventTime(change.newTime)}`,
      }
    case 'deleted':
      return {
        ja: `${on.ja}の予定を削除しました: ${what}${series.ja} ${formatEventTime(change.oldTime)}`,
        en: `Deleted an event in the ${on.en}: ${whatEn}${series.en} ${formatEventTime(change.oldTime)}`,
      }
  }
}

/** The history line of a change: category "calendar", the site column carries the user's name. */
export function changeHistoryEntry(change: CalendarChange): NewHistoryEntry {
  const message = changeMessage(change)
  return {
    ts: change.when,
    site: change.user,
    direction: 'send',
    category: 'calendar',
    level: 'info',
    message: message.ja,
    messageEn: message.en,
    detail: change,
  }
}

/** Host and path of a URL, never its credentials or query (tokens sometimes live there). */
export function safeLocation(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//').split('?')[0]!
  }
}
