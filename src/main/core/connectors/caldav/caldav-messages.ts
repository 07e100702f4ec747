/** What the administrator reads when a CalDAV calendar fails: what happened and what to change. */
import type { Localized } from '../../../../shared/model/localized'

export const caldavMessages = {
  badUrl: (url: string): Localized => ({
    ja: `カレンダー ID（URL）「${url}」は http:// か https:// で始まる URL ではありません。ペアの設定でカレンダーの URL を確認してください。`,
    en: `The calendar ID (URL) "${url}" is not an http:// or https:// URL. Check it in the pair's settings.`,
  }),
  wrongCalendar: (url: string, status: number): Localized => ({
    ja: `カレンダー（${url}）が見つかりません（HTTP ${status}）。カレンダー ID（URL）が間違っています。ペアの設定でカレンダーの URL を確認してください。`,
    en: `The calendar ${url} does not exist (HTTP ${status}): the calendar ID (URL) is wrong. Check it in the pair's settings.`,
  }),
  notCalendar: (url: string): Localized => ({
    ja: `${url} はカレンダーではありません。カレンダー ID（URL）が間違っています。ペアの設定で、アカウントやフォルダーの URL ではなくカレンダー自体の URL を指定してください。`,
    en: `${url} is not a calendar: the calendar ID (URL) is wrong. In the pair's settings, give the calendar's own URL, not the account's or a folder's.`,
  }),
  notCalDav: (url: string): Localized => ({
    ja: `${url} の応答が CalDAV の形式ではありません。カレンダー ID（URL）が CalDAV のカレンダーを指しているか、ペアの設定で確認してください。`,
    en: `The answer from ${url} is not CalDAV. Check in the pair's settings that the calendar ID (URL) points at a CalDAV calendar.`,
  }),
  passwordRefused: (host: string): Localized => ({
    ja: `カレンダーサーバー（${host}）がユーザー名かパスワードを受け付けませんでした（HTTP 401）。ペアの設定でユーザー名とパスワードを確認してください。`,
    en: `The calendar server (${host}) refused the user name or password (HTTP 401). Check both in the pair's settings.`,
  }),
  authorizationExpired: (host: string): Localized => ({
    ja: `カレンダーサーバー（${host}）への認証（Google 認証など）の期限が切れたか、取り消されました（HTTP 401）。ペアの設定で認証をやり直してください。`,
    en: `The authorization for the calendar server (${host}) (e.g. the Google sign-in) expired or was revoked (HTTP 401). Sign in again in the pair's settings.`,
  }),
  noAccess: (url: string): Localized => ({
    ja: `このアカウントにはカレンダー（${url}）へのアクセス権がありません（HTTP 403）。認証に使ったアカウントでこのカレンダーを開けるか確認し、開けない場合はカレンダーの共有設定で権限を付けてください。`,
    en: `This account has no access to the calendar ${url} (HTTP 403). Check that the account used to sign in can open it, or share the calendar with that account.`,
  }),
  noWriteAccess: (url: string): Localized => ({
    ja: `このアカウントにはカレンダー（${url}）への書き込み権限がありません（HTTP 403）。カレンダーの共有設定で「予定の変更」権限を付けるか、書き込めるアカウントで認証し直してください。`,
    en: `This account cannot write to the calendar ${url} (HTTP 403). Give it permission to make changes in the calendar's sharing settings, or sign in with an account that can.`,
  }),
  eventRefused: (status: number, detail: string): Localized => ({
    ja: `サーバーがこの予定を受け付けませんでした（HTTP ${status}：${detail}）。この予定だけを保留し、他の予定は同期を続けます。元の予定の内容を確認してください。`,
    en: `The server refused this event (HTTP ${status}: ${detail}). This event is set aside and the others keep syncing; check the event in the source calendar.`,
  }),
  uidTaken: (status: number): Localized => ({
    ja: `このカレンダーには同じ UID の予定が別の URL で既にあります（HTTP ${status}）。他のアプリで作られた重複の予定を削除してから再実行してください。`,
    en: `The calendar already holds an event with the same UID under another URL (HTTP ${status}). Delete the duplicate made by another app, then run again.`,
  }),
  foreignHref: (href: string, url: string): Localized => ({
    ja: `カレンダーサーバーが、カレンダー（${url}）とは別のサーバーの予定 URL（${href}）を返しました。認証情報をそこへ送らないよう、この操作を止めました。サーバーの設定を確認してください。`,
    en: `The calendar server named an event URL (${href}) on another server than the calendar ${url}; Renkei stopped rather than send the credentials there. Check the server's configuration.`,
  }),
  createdMeanwhile: (href: string): Localized => ({
    ja: `予定（${href}）は、読み込んだ後に別のアプリで作成されていました。読み込み直してから同期し直します。`,
    en: `The event ${href} was created by another app after Renkei read the calendar; it is re-read and synced again.`,
  }),
  changedMeanwhile: (href: string): Localized => ({
    ja: `予定（${href}）は、読み込んだ後に別のアプリで変更または削除されていました。読み込み直してから同期し直します。`,
    en: `The event ${href} was changed or deleted by another app after Renkei read it; it is re-read and synced again.`,
  }),
  serverError: (host: string, status: number): Localized => ({
    ja: `カレンダーサーバー（${host}）がエラーを返しました（HTTP ${status}）。多くはサーバー側の一時的なもので、次回の同期で再試行します。続く場合はサーバーの状態を確認してください。`,
    en: `The calendar server (${host}) returned an error (HTTP ${status}): usually temporary; the next run retries. If it persists, check the server's status.`,
  }),
  slowDown: (host: string, waitSeconds: number | null): Localized => ({
    ja: `カレンダーサーバー（${host}）が要求の間隔をあけるよう求めています（HTTP 429）。${waitSeconds === null ? 'しばらく' : `${waitSeconds} 秒`}待ってから再試行します。`,
    en: `The calendar server (${host}) asked Renkei to slow down (HTTP 429); it retries ${waitSeconds === null ? 'later' : `in ${waitSeconds} s`}.`,
  }),
  storageFull: (host: string): Localized => ({
    ja: `カレンダーサーバー（${host}）の保存容量がいっぱいです（HTTP 507）。不要な予定を削除するか、容量を増やしてください。`,
    en: `The calendar server (${host}) is out of storage (HTTP 507). Delete events that are no longer needed or raise the quota.`,
  }),
  rejected: (url: string, status: number, detail: string): Localized => ({
    ja: `カレンダーサーバーが要求を受け付けませんでした（${url}、HTTP ${status}：${detail}）。カレンダーの URL と設定を確認してください。`,
    en: `The calendar server refused the request (${url}, HTTP ${status}: ${detail}). Check the calendar URL and settings.`,
  }),
  unreachable: (host: string, reason: string): Localized => ({
    ja: `カレンダーサーバー（${host}）に接続できません（${reason}）。サーバーが動いているか、URL のホスト名とポート、ネットワークを確認してください。次回の同期で再試行します。`,
    en: `Cannot reach the calendar server ${host} (${reason}). Check that it is running, the host name and port in the URL, and the network; the next run retries.`,
  }),
  timedOut: (host: string, seconds: number): Localized => ({
    ja: `カレンダーサーバー（${host}）が ${seconds} 秒以内に応答しませんでした。サーバーが混んでいるか止まっています。次回の同期で再試行します。`,
    en: `The calendar server ${host} did not answer within ${seconds} s: it is busy or stuck. The next run retries.`,
  }),
  certificate: (host: string, reason: string): Localized => ({
    ja: `カレンダーサーバー（${host}）の証明書を確認できません（${reason}）。URL のホスト名が証明書と合っているか確かめてください。社内の認証局を使っている場合は、その CA 証明書をこのコンピューターに登録してください。`,
    en: `The certificate of the calendar server ${host} cannot be verified (${reason}). Check the host name in the URL matches the certificate; with an in-house CA, install its certificate on this computer.`,
  }),
}
