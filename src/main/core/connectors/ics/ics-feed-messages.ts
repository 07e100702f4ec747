/** What the administrator reads when an iCalendar feed cannot be fetched: what happened and what to change. */
import type { Localized } from '../../../../shared/model/localized'

export const feedMessages = {
  invalidUrl: (): Localized => ({
    ja: 'フィードの URL を解釈できません。ユーザーの同期設定で http:// または https:// で始まる URL を入力し直してください。',
    en: 'The feed URL cannot be read. Enter an address starting with http:// or https:// in the pair’s settings.',
  }),
  secretMissing: (auth: 'basic' | 'bearer'): Localized =>
    auth === 'basic'
      ? {
          ja: 'フィードの認証方式が Basic ですが、パスワードが設定されていません。ユーザーの同期設定でパスワードを設定してください。',
          en: 'The feed uses Basic authentication but no password is set; set the password in the pair’s settings.',
        }
      : {
          ja: 'フィードの認証方式が Bearer ですが、トークンが設定されていません。ユーザーの同期設定でトークンを設定してください。',
          en: 'The feed uses a bearer token but none is set; set the token in the pair’s settings.',
        },
  loginNeeded: (url: string, status: number): Localized => ({
    ja: `フィード（${url}）はログインが必要です（HTTP ${status}）。ユーザーの同期設定で認証方式（Basic または Bearer）を選び、パスワードかトークンを設定してください。`,
    en: `The feed (${url}) needs a login (HTTP ${status}). Choose Basic or Bearer authentication in the pair’s settings and set the password or token.`,
  }),
  credentialsRefused: (url: string, status: number, auth: 'basic' | 'bearer'): Localized =>
    auth === 'basic'
      ? {
          ja: `フィード（${url}）がユーザー名またはパスワードを受け付けませんでした（HTTP ${status}）。ユーザーの同期設定でユーザー名とパスワードを確認してください。`,
          en: `The feed (${url}) refused the user name or password (HTTP ${status}). Check both in the pair’s settings.`,
        }
      : {
          ja: `フィード（${url}）がトークンを受け付けませんでした（HTTP ${status}）。期限切れでないか確認し、ユーザーの同期設定で新しいトークンを設定してください。`,
          en: `The feed (${url}) refused the token (HTTP ${status}). Check it has not expired and set a new one in the pair’s settings.`,
        },
  notFound: (url: string, status: number): Localized => ({
    ja: `フィード（${url}）が見つかりません（HTTP ${status}）。URL が正しいか、カレンダーの公開・エクスポートが止められていないか確認してください。`,
    en: `The feed (${url}) was not found (HTTP ${status}). Check the URL and that the calendar is still published or exported.`,
  }),
  slowDown: (url: string, retryAfter: string | null): Localized => ({
    ja: `フィード（${url}）のサーバーが取得の間隔をあけるよう求めています（HTTP 429${retryAfter ? `、Retry-After: ${retryAfter}` : ''}）。同期の間隔を長くするか、しばらく待ってから再実行してください。`,
    en: `The feed server (${url}) asked Renkei to slow down (HTTP 429${retryAfter ? `, Retry-After: ${retryAfter}` : ''}). Sync less often or run again later.`,
  }),
  serverFailing: (url: string, status: number): Localized => ({
    ja: `フィードのサーバー（${url}）が一時的なエラーを返しました（HTTP ${status}）。次回の同期で自動的に再試行します。続く場合はサーバーの状態を確認してください。`,
    en: `The feed server (${url}) returned a temporary error (HTTP ${status}). The next run tries again; if it persists, check the server.`,
  }),
  rejected: (url: string, status: number): Localized => ({
    ja: `フィードのサーバー（${url}）が要求を受け付けませんでした（HTTP ${status}）。URL と認証の設定を確認してください。`,
    en: `The feed server (${url}) refused the request (HTTP ${status}). Check the URL and the authentication settings.`,
  }),
  tooLarge: (url: string, megabytes: number): Localized => ({
    ja: `フィード（${url}）が上限の ${megabytes} MB を超えています。ユーザーの同期設定で上限を上げるか、エクスポートする期間やカレンダーを絞ってください。`,
    en: `The feed (${url}) is larger than the ${megabytes} MB limit. Raise the limit in the pair’s settings or narrow the export (fewer calendars or a shorter period).`,
  }),
  refused: (url: string): Localized => ({
    ja: `フィードのサーバー（${url}）が接続を拒否しました。サーバーが動いているか、URL のホスト名とポート番号が正しいか確認してください。`,
    en: `The feed server (${url}) refused the connection. Check that it is running and that the URL’s host and port are right.`,
  }),
  hostUnknown: (url: string): Localized => ({
    ja: `フィードのホスト名（${url}）が見つかりません（DNS）。URL のホスト名とネットワーク（DNS、プロキシ）の設定を確認してください。`,
    en: `The feed’s host name (${url}) could not be found (DNS). Check the host name in the URL and the network (DNS, proxy) settings.`,
  }),
  timedOut: (url: string, seconds: number): Localized => ({
    ja: `フィードのサーバー（${url}）から ${seconds} 秒以内に応答がありませんでした。次回の同期で再試行します。続く場合はネットワークとサーバーの状態を確認してください。`,
    en: `The feed server (${url}) did not answer within ${seconds} s. The next run tries again; if it persists, check the network and the server.`,
  }),
  unreachable: (url: string, reason: string): Localized => ({
    ja: `フィードのサーバー（${url}）と通信できませんでした（${reason}）。次回の同期で再試行します。続く場合はネットワークとサーバーの状態を確認してください。`,
    en: `Could not talk to the feed server (${url}) (${reason}). The next run tries again; if it persists, check the network and the server.`,
  }),
  certificate: (url: string, reason: string): Localized => ({
    ja: `フィードのサーバー（${url}）の証明書を確認できませんでした（${reason}）。証明書の期限やホスト名を確認するか、社内 CA の証明書をこのコンピューターに入れてください。`,
    en: `The feed server’s certificate (${url}) could not be verified (${reason}). Check its expiry and host name, or install your CA certificate on this computer.`,
  }),
}
