import { ResultCodeError } from 'ldapts'
import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'

/** What an error message names: the server for network failures, the DN for directory answers. */
export interface LdapErrorContext {
  /** host:port */
  readonly server: string
  readonly bindDn: string
  /** The entry the operation was about. */
  readonly dn?: string
}

const untrustedCertificate = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
])
const expiredCertificate = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'EPIPE',
])
/** ldapts reports timeouts and dropped connections as plain Errors without a code. */
const networkMessage = /timeout|timed out|connection closed|socket error|socket connection not established/i

const text = (ja: string, en: string): Localized => ({ ja, en })

function serverAnswer(error: unknown): string {
  if (error instanceof ResultCodeError) return `LDAP ${error.code}: ${error.message}`
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message
  }
  return String(error)
}

type Failure = readonly [ConnectorError['kind'], Localized]

const busy = (c: LdapErrorContext): Failure => [
  'transient',
  text(
    `LDAP サーバー ${c.server} が混雑しているか一時的に使えません。しばらくして再実行します。`,
    `The LDAP server ${c.server} is busy or unavailable. The run will be retried later.`,
  ),
]
const sizeLimit = (): Failure => [
  'permanent',
  text(
    'サーバーが件数の上限で検索を打ち切りました。バインド DN の検索件数の上限を引き上げる（OpenLDAP: limits ... size.pr=unlimited）か、フィルターで対象を絞ってください。',
    'The server stopped the search at its size limit. Raise the limit for the bind DN (OpenLDAP: limits ... size.pr=unlimited) or narrow the filter.',
  ),
]
const encryptionRequired = (c: LdapErrorContext): Failure => [
  'permanent',
  text(
    `LDAP サーバー ${c.server} は暗号化された接続を求めています。セキュリティを ldaps または StartTLS にしてください。`,
    `The LDAP server ${c.server} requires an encrypted connection. Set security to ldaps or StartTLS.`,
  ),
]

/** Result codes an admin can act on (RFC 4511 numbers); anything else gets the generic message. */
const byResultCode: Readonly<Record<number, (c: LdapErrorContext, dn: string) => Failure>> = {
  49: (c) => [
    'auth',
    text(
      `LDAP サーバー ${c.server} にバインド DN またはパスワードを拒否されました。バインド DN「${c.bindDn}」とパスワードを確認してください。`,
      `${c.server} refused the bind DN or password. Check the bind DN "${c.bindDn}" and the password.`,
    ),
  ],
  32: (_c, dn) => [
    'permanent',
    text(
      `DN「${dn}」はディレクトリにありません。設定の DN の綴りを確認してください。`,
      `The DN "${dn}" does not exist in the directory. Check the DN in the settings.`,
    ),
  ],
  34: (_c, dn) => [
    'permanent',
    text(`「${dn}」は DN として正しくありません。`, `"${dn}" is not a valid DN.`),
  ],
  50: (c, dn) => [
    'permanent',
    text(
      `バインド DN「${c.bindDn}」には「${dn}」へのアクセス権がありません。ディレクトリの管理者に読み取り（書き込み先なら書き込み）権限を付けてもらってください。`,
      `The bind DN "${c.bindDn}" may not access "${dn}". Ask the directory administrator to grant read (for a target, write) access.`,
    ),
  ],
  4: sizeLimit,
  11: sizeLimit,
  3: busy,
  51: busy,
  52: busy,
  8: encryptionRequired,
  13: encryptionRequired,
}

function resultCodeFailure(code: number, c: LdapErrorContext): Failure {
  const dn = c.dn ?? '?'
  const known = byResultCode[code]
  if (known) return known(c, dn)
  return [
    'permanent',
    text(
      `LDAP サーバーが「${dn}」への操作を拒否しました（結果コード ${code}）。サーバーの応答を確認してください。`,
      `The LDAP server refused the operation on "${dn}" (result code ${code}). See the server's answer.`,
    ),
  ]
}

function networkFailure(
  code: string | undefined,
  message: string,
  c: LdapErrorContext,
): ConnectorError | null {
  const answer = code ? `${code}: ${message}` : message
  if (code && untrustedCertificate.has(code)) {
    return new ConnectorError(
      'permanent',
      text(
        `${c.server} のサーバー証明書を信頼できません。証明書を発行した CA の証明書を Renkei に登録してください（テスト用サーバーに限り、証明書の検証をオフにできます）。`,
        `The server certificate of ${c.server} is not trusted. Register the certificate of the CA that issued it with Renkei (only for a test server, you may turn certificate verification off).`,
      ),
      answer,
    )
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ConnectorError(
      'permanent',
      text(
        `${c.server} の証明書は別のホスト名で発行されています。URL には証明書にあるホスト名を使うか、このホスト名で証明書を発行し直してください。`,
        `The certificate of ${c.server} was issued for another host name. Use the host name in the certificate in the URL, or reissue the certificate for this name.`,
      ),
      answer,
    )
  }
  if (code && expiredCertificate.has(code)) {
    return new ConnectorError(
      'permanent',
      text(
        `${c.server} の証明書の有効期限が切れているか、まだ有効ではありません。サーバーの証明書を更新してください。`,
        `The certificate of ${c.server} has expired or is not valid yet. Renew the server's certificate.`,
      ),
      answer,
    )
  }
  if (code === 'ENOTFOUND') {
    return new ConnectorError(
      'permanent',
      text(
        `ホスト名「${c.server}」が見つかりません。URL のホスト名を確認してください。`,
        `The host name in "${c.server}" was not found. Check the host name in the URL.`,
      ),
      answer,
    )
  }
  if ((code && networkCodes.has(code)) || networkMessage.test(message)) {
    return new ConnectorError(
      'transient',
      text(
        `LDAP サーバー ${c.server} に接続できないか、応答がありませんでした。サーバーが動いているか、ホスト名とポートが正しいか確認してください。しばらくして再実行します。`,
        `Could not reach the LDAP server ${c.server}, or it did not answer. Check that it is running and that the host and port are right. The run will be retried later.`,
      ),
      answer,
    )
  }
  return null
}

/** A ConnectorError that keeps the LDAP result code, so callers can treat "already exists" and the like. */
export class LdapConnectorError extends ConnectorError {
  constructor(
    kind: ConnectorError['kind'],
    localized: Localized,
    serverAnswer: string | null,
    /** RFC 4511 result code; null for network and TLS failures. */
    readonly resultCode: number | null,
  ) {
    super(kind, localized, serverAnswer)
  }
}

/** Result codes callers handle themselves. */
export const ldapResult = { noSuchObject: 32, alreadyExists: 68 } as const

/** True when `error` is the directory's answer `code` (e.g. ldapResult.noSuchObject). */
export function isLdapResult(error: unknown, code: number): boolean {
  return error instanceof LdapConnectorError && error.resultCode === code
}

/** Turns whatever ldapts or the socket threw into a ConnectorError in plain language. */
export function ldapFailure(error: unknown, context: LdapErrorContext): ConnectorError {
  if (error instanceof ConnectorError) return error
  if (error instanceof ResultCodeError) {
    const [kind, message] = resultCodeFailure(error.code, context)
    return new LdapConnectorError(kind, message, serverAnswer(error), error.code)
  }
  const message = error instanceof Error ? error.message : String(error)
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  const network = networkFailure(code, message, context)
  if (network) return network
  if (code?.startsWith('ERR_SSL') || code === 'EPROTO') {
    return new ConnectorError(
      'permanent',
      text(
        `${context.server} と暗号化通信を始められませんでした。ldaps はふつう 636 番、StartTLS は 389 番のポートを使います。URL とセキュリティの設定が合っているか確認してください。`,
        `Could not start an encrypted session with ${context.server}. ldaps usually uses port 636, StartTLS port 389: check that the URL and the security setting match.`,
      ),
      serverAnswer(error),
    )
  }
  return new ConnectorError(
    'transient',
    text(
      `LDAP サーバー ${context.server} との通信に失敗しました。`,
      `Communication with the LDAP server ${context.server} failed.`,
    ),
    serverAnswer(error),
  )
}

/** "Test connection" never throws: any failure becomes a plain-language answer. */
export function failedCheck(error: unknown): ConnectionCheckResult {
  if (error instanceof ConnectorError)
    return { ok: false, message: error.localized, detail: error.serverAnswer }
  const text = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    message: { ja: `予期しないエラー: ${text}`, en: `Unexpected error: ${text}` },
    detail: text,
  }
}
