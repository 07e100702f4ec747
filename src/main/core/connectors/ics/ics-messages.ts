/** What the administrator reads when a feed cannot be fetched or read: what happened and what to change. */
import type { Localized } from '../../../../shared/model/localized'

const checkFeed = {
  ja: 'フィードの URL が iCalendar（.ics）の公開・エクスポート用 URL か、カレンダー側のエクスポート設定を確認してください。',
  en: 'Check that the URL is the calendar’s iCalendar (.ics) export or subscription address and review the export settings.',
}

const atLine = (line: number | null, ja: boolean): string =>
  line === null ? '' : ja ? `（${line} 行目）` : ` (line ${line})`

export const icsMessages = {
  emptyFeed: (): Localized => ({
    ja: `フィードが空で、iCalendar のデータではありません。${checkFeed.ja}`,
    en: `The feed is empty, so it is not a valid iCalendar feed. ${checkFeed.en}`,
  }),
  webPage: (line: number): Localized => ({
    ja: `フィードが iCalendar ではなく Web ページ（HTML）でした${atLine(line, true)}。ログイン画面やエラー画面が返っている可能性があります。認証の設定と、${checkFeed.ja}`,
    en: `The feed is a web page (HTML), not a valid iCalendar feed${atLine(line, false)}; it may be a login or error page. Check the authentication settings. ${checkFeed.en}`,
  }),
  noCalendarStart: (line: number, found: string): Localized => ({
    ja: `フィードが BEGIN:VCALENDAR で始まっておらず、iCalendar のデータではありません（${line} 行目：「${found}」）。${checkFeed.ja}`,
    en: `The feed does not start with BEGIN:VCALENDAR, so it is not a valid iCalendar feed (line ${line}: "${found}"). ${checkFeed.en}`,
  }),
  unreadable: (line: number | null, detail: string): Localized => ({
    ja: `フィードを iCalendar として読めませんでした${atLine(line, true)}：${detail}。${checkFeed.ja}`,
    en: `The feed is not a valid iCalendar feed${atLine(line, false)}: ${detail}. ${checkFeed.en}`,
  }),
  noEvents: (): Localized => ({
    ja: `フィードに VCALENDAR がありません（vCard など別の形式のデータです）。${checkFeed.ja}`,
    en: `The feed holds no VCALENDAR (it is another format, such as vCard), so it is not a valid iCalendar feed. ${checkFeed.en}`,
  }),
  eventWithoutUid: (line: number | null): Localized => ({
    ja: `UID のない予定${atLine(line, true)}を読み飛ばしました。元のカレンダーでこの予定を開いて保存し直すか、エクスポートの設定を確認してください。`,
    en: `Skipped an event without a UID${atLine(line, false)}. Re-save it in the source calendar or check the export settings.`,
  }),
  eventWithoutStart: (line: number | null, uid: string): Localized => ({
    ja: `開始日時（DTSTART）のない予定（UID ${uid}${line === null ? '' : `、${line} 行目`}）を読み飛ばしました。元のカレンダーでこの予定の日時を設定し直してください。`,
    en: `Skipped the event ${uid}${atLine(line, false)}: it has no start (DTSTART). Set its date and time again in the source calendar.`,
  }),
  unreadableStart: (line: number | null, uid: string, value: string): Localized => ({
    ja: `予定（UID ${uid}${line === null ? '' : `、${line} 行目`}）の開始日時「${value}」を読めないため読み飛ばしました。元のカレンダーでこの予定の日時を設定し直してください。`,
    en: `Skipped the event ${uid}${atLine(line, false)}: its start "${value}" is not a date or time. Set its date and time again in the source calendar.`,
  }),
  duplicateUid: (line: number | null, uid: string): Localized => ({
    ja: `同じ UID（${uid}）の予定がフィードに複数あるため、後のもの${line === null ? '' : `（${line} 行目）`}を読み飛ばしました。元のカレンダーで重複している予定を整理してください。`,
    en: `Skipped a second event with the UID ${uid}${atLine(line, false)}; the feed holds it twice. Remove the duplicate in the source calendar.`,
  }),
}
