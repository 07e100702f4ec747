import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import type { ConnectorError } from '../../connectors/connector-error'

/**
 * What to change when a check step fails, chosen by what failed: the side (source / target), what that
 * side is (an iCalendar feed, a CalDAV calendar, Google Calendar) and the server's answer. A feed's 404
 * is about the feed's URL, a missing CalDAV calendar can be created — only Google's is a "calendar ID".
 */
export const fixes = {
  reachable: {
    ja: 'URL のホスト名とポート、ネットワーク（プロキシ、ファイアウォール）を確認してください。',
    en: 'Check the URL host and port and the network (proxy, firewall).',
  },
  credentials: {
    ja: 'ユーザー名とパスワード（Google の場合は「Google で認可」）をやり直してください。',
    en: 'Re-enter the user name and password (for Google, "Authorize with Google" again).',
  },
  writable: {
    ja: 'このアカウントに書き込み権限を与えるか、書き込めるカレンダーを指定してください。',
    en: 'Give this account write access, or choose a calendar it can write to.',
  },
  clock: {
    ja: 'このコンピューターの時計を NTP で合わせてください（Windows: 設定 → 時刻と言語 → 今すぐ同期）。',
    en: "Set this computer's clock from NTP (Windows: Settings → Time & language → Sync now).",
  },
} as const

const feedMissing: Localized = {
  ja: 'フィードの URL を確認してください。公開元のカレンダーで「公開 URL（iCal 形式）」をコピーし直してください（公開が停止されたり、URL が再発行されたりすると古い URL は 404 になります）。',
  en: 'Check the feed URL. Copy the public iCal address from the publishing calendar again (a feed that was unpublished or re-issued answers 404 at its old address).',
}

const feedRefused: Localized = {
  ja: 'フィードの URL を確認してください。ブラウザーで開いて、BEGIN:VCALENDAR で始まる iCalendar が返るかを確かめてください。',
  en: 'Check the feed URL: open it in a browser and make sure it returns iCalendar text starting with BEGIN:VCALENDAR.',
}

function caldavMissing(side: 'source' | 'target'): Localized {
  const which = side === 'source' ? { ja: '同期元', en: 'source' } : { ja: '同期先', en: 'target' }
  return {
    ja: `${which.ja}カレンダーの URL（カレンダーのコレクション、末尾は /）を確認してください。カレンダーがまだない場合は、CalDAV サーバーで作成してから（例: Radicale の Web 画面 → 「新規作成」→ 種類「カレンダー」）その URL を入力してください。`,
    en: `Check the ${which.en} calendar URL (the calendar collection, ending in /). If the calendar does not exist yet, create it on the CalDAV server first (e.g. Radicale's web page → "Create new" → type "calendar") and enter its URL.`,
  }
}

const googleMissing: Localized = {
  ja: 'カレンダー ID が正しいか、認可したアカウントがそのカレンダーにアクセスできるかを確認してください。カレンダーがまだない場合は、Google カレンダーで「他のカレンダー」→「新しいカレンダーを作成」で作成し、その「カレンダーの設定」→「カレンダーの統合」にあるカレンダー ID を入力してください。',
  en: 'Check the calendar ID and that the authorized account can access that calendar. If the calendar does not exist yet, create it in Google Calendar ("Other calendars" → "Create new calendar") and enter the calendar ID shown under its settings → "Integrate calendar".',
}

const refused: Localized = {
  ja: 'カレンダーの URL と、サーバーの応答（下の「サーバーの応答」）を確認してください。',
  en: 'Check the calendar URL and the server\'s answer (under "Server\'s answer" below).',
}

/** The calendar or feed is not where the URL points (404 / 410, or a PUT into a missing collection). */
function isMissing(error: ConnectorError): boolean {
  return error.httpStatus === 404 || error.httpStatus === 410 || error.httpStatus === 409
}

/** The fix for a source or target that answered but refused the request (not auth, not the network). */
export function rejectedFix(
  pair: CalendarPairConfig,
  side: 'source' | 'target',
  error: ConnectorError,
): Localized {
  const config = side === 'source' ? pair.source : pair.target
  if (config.kind === 'ics') return isMissing(error) ? feedMissing : feedRefused
  if (!isMissing(error)) return refused
  return config.preset === 'google' ? googleMissing : caldavMissing(side)
}
