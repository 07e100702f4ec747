/**
 * The one table that says whose a keychain entry is and what it is for, from the names the engines
 * use. The Settings screen groups and describes secrets with it; a new engine adds its rows here.
 */
import { alertSmtpPasswordSecret, alertWebhookUrlSecret } from '../../../shared/model/alerts'
import { calendarOAuthClientSecretName } from '../../../shared/model/calendar-config'
import { directorySecretNames } from '../../../shared/model/directory-config'
import type { Localized } from '../../../shared/model/localized'
import { networkProxyPasswordSecret } from '../../../shared/model/network'
import { linkEndpointPassphraseSecret, linkSiteKeySecret } from '../../../shared/model/sitelink-endpoint'
import { feedKeySecret } from '../../../shared/model/sitelink'
import type { SecretGroup, SecretInfo } from '../../../shared/model/status'
import { accessTokenSecret } from './access-token'
import type { SecretStore } from './secret-store'

interface CatalogRow {
  readonly pattern: RegExp
  readonly group: SecretGroup
  /** From the name's captured parts (a calendar user's id). */
  readonly describe: (parts: readonly string[]) => Localized
  readonly action?: SecretInfo['action']
}

function exact(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
}

const catalog: readonly CatalogRow[] = [
  {
    pattern: exact(accessTokenSecret),
    group: 'app',
    action: 'rotate',
    describe: () => ({
      ja: 'デーモンの画面と API に入るためのアクセストークン（URL の #token=…）。再発行すると、開いているタブとブックマークは使えなくなります。',
      en: 'The access token that opens the daemon’s screens and API (#token=… in the URL). Issuing a new one stops open tabs and bookmarks from working.',
    }),
  },
  {
    pattern: exact(directorySecretNames.sourceLdapPassword),
    group: 'directory',
    describe: () => ({
      ja: 'ディレクトリ同期: 同期元 LDAP / Active Directory に接続するアカウントのパスワード',
      en: 'Directory sync: password of the account that reads the source LDAP / Active Directory',
    }),
  },
  {
    pattern: exact(directorySecretNames.targetLdapPassword),
    group: 'directory',
    describe: () => ({
      ja: 'ディレクトリ同期: 同期先 LDAP に書き込むアカウントのパスワード',
      en: 'Directory sync: password of the account that writes to the target LDAP',
    }),
  },
  {
    pattern: exact(directorySecretNames.targetScimToken),
    group: 'directory',
    describe: () => ({
      ja: 'ディレクトリ同期: 同期先 SCIM サービスのベアラートークン',
      en: 'Directory sync: bearer token of the target SCIM service',
    }),
  },
  {
    pattern: exact(directorySecretNames.initialPassword),
    group: 'directory',
    describe: () => ({
      ja: 'ディレクトリ同期: 新しく作るアカウントの初期パスワード',
      en: 'Directory sync: initial password of the accounts it creates',
    }),
  },
  {
    pattern: exact(calendarOAuthClientSecretName),
    group: 'calendar',
    describe: () => ({
      ja: 'カレンダー同期: Google の OAuth クライアントシークレット（共通設定）',
      en: 'Calendar sync: the Google OAuth client secret (shared settings)',
    }),
  },
  {
    pattern: /^calendar\.([a-z0-9][a-z0-9-]*)\.source$/,
    group: 'calendar',
    describe: ([id]) => ({
      ja: `カレンダー同期: 利用者 ${id} の同期元（フィードまたは CalDAV）のパスワードまたはトークン`,
      en: `Calendar sync: password or token of user ${id}'s source (feed or CalDAV)`,
    }),
  },
  {
    pattern: /^calendar\.([a-z0-9][a-z0-9-]*)\.target$/,
    group: 'calendar',
    describe: ([id]) => ({
      ja: `カレンダー同期: 利用者 ${id} の同期先 CalDAV カレンダーのパスワード`,
      en: `Calendar sync: password of user ${id}'s target CalDAV calendar`,
    }),
  },
  {
    pattern: /^calendar\.([a-z0-9][a-z0-9-]*)\.refresh-token$/,
    group: 'calendar',
    describe: ([id]) => ({
      ja: `カレンダー同期: 利用者 ${id} の Google 認可（リフレッシュトークン）`,
      en: `Calendar sync: user ${id}'s Google authorisation (refresh token)`,
    }),
  },
  {
    pattern: exact(linkSiteKeySecret),
    group: 'sitelink',
    describe: () => ({
      ja: 'サイト間連携: このサイトの署名鍵（Ed25519 の秘密鍵）。最初の連携で作られます。削除すると、連携先はこのサイトからの送信を受け付けなくなります。',
      en: 'Site link: this site’s signing key (Ed25519 private key), created on first use. Clearing it makes partners refuse what this site sends.',
    }),
  },
  {
    pattern: exact(linkEndpointPassphraseSecret),
    group: 'sitelink',
    describe: () => ({
      ja: 'サイト間連携: 連携用エンドポイントの証明書（PKCS#12 ファイル）のパスフレーズ。変更後は連携用エンドポイントの設定を保存し直してください。',
      en: 'Site link: passphrase of the partner endpoint’s certificate (PKCS#12 file). After changing it, save the partner endpoint settings again.',
    }),
  },
  {
    pattern: exact(alertSmtpPasswordSecret),
    group: 'alerts',
    describe: () => ({
      ja: '管理者への通知: SMTP サーバーにサインインするパスワード',
      en: 'Admin alerts: password for signing in to the SMTP server',
    }),
  },
  {
    pattern: exact(alertWebhookUrlSecret),
    group: 'alerts',
    describe: () => ({
      ja: '管理者への通知: Webhook の URL（トークンを含むためキーチェーンに保存）。設定画面の「管理者への通知」で変更します。',
      en: 'Admin alerts: the webhook URL (kept in the keychain because it holds a token). Change it under Admin alerts in Settings.',
    }),
  },
  {
    pattern: exact(networkProxyPasswordSecret),
    group: 'app',
    describe: () => ({
      ja: 'ネットワーク: 手動設定のプロキシにサインインするパスワード（Basic 認証）。設定画面の「ネットワーク」で変更します。',
      en: 'Network: password for signing in to the manual proxy (Basic authentication). Change it under Network in Settings.',
    }),
  },
  {
    pattern: exact(feedKeySecret),
    group: 'sitelink',
    describe: () => ({
      ja: 'サイト間連携: 連携先の予定を配信するフィードの URL に署名する鍵（初回に自動作成）。削除すると、配布済みのフィード URL はすべて使えなくなり、次に URL を表示したときに新しい鍵が作られます。',
      en: 'Site link: the key that signs the URLs of partner schedule feeds (made on first use). Clearing it stops every feed URL handed out; a new key is made the next time URLs are shown.',
    }),
  },
]

/** A stored name with its owner and description; names no engine uses are the admin's own. */
export function describeSecret(name: string): SecretInfo {
  for (const row of catalog) {
    const match = row.pattern.exec(name)
    if (match) {
      return {
        name,
        set: true,
        group: row.group,
        description: row.describe(match.slice(1)),
        action: row.action ?? 'clear',
      }
    }
  }
  return { name, set: true, group: 'own', description: null, action: 'clear' }
}

/** Every stored name, grouped and described: what `secrets.list` and `secrets.changed` carry. */
export async function listSecrets(secrets: SecretStore): Promise<SecretInfo[]> {
  return (await secrets.names()).map(describeSecret)
}
