/**
 * Every way a call to a partner fails, with the seed's own reasons where it names one (制約事項): a
 * self-signed certificate, a site behind Basic authentication.
 */
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError, type ConnectorErrorKind } from '../connector-error'
import type { PartnerRefusal } from './partner-refusals'

export const partnerErrorCodes = [
  'self-signed',
  'untrusted-certificate',
  'basic-auth',
  'unreachable',
  'partner-refused',
  'server-error',
  'bad-response',
] as const
export type PartnerErrorCode = (typeof partnerErrorCodes)[number]

const kinds: Record<PartnerErrorCode, ConnectorErrorKind> = {
  'self-signed': 'permanent',
  'untrusted-certificate': 'permanent',
  'basic-auth': 'permanent',
  unreachable: 'transient',
  'partner-refused': 'permanent',
  'server-error': 'transient',
  'bad-response': 'permanent',
}

export class PartnerRequestError extends ConnectorError {
  constructor(
    readonly code: PartnerErrorCode,
    localized: Localized,
    serverAnswer: string | null = null,
    httpStatus: number | null = null,
    /** The partner's own refusal (`partner-refused`), as it sent it. */
    readonly refusal: PartnerRefusal | null = null,
  ) {
    super(kinds[code], localized, serverAnswer, httpStatus)
    this.name = 'PartnerRequestError'
  }
}

export function selfSigned(host: string): Localized {
  return {
    ja: `${host} は自己署名証明書を使っています。自己署名証明書はサポートしていません。連携先に、認証局（社内 CA を含む）が発行した証明書を設定してもらってください。`,
    en: `${host} uses a self-signed certificate. Self-signed certificates are not supported; ask the partner to use a certificate issued by a certificate authority (an in-house CA is fine).`,
  }
}

/** English says "Basic" in quotes: the scheme word followed by a word reads as a credential to redaction. */
export function basicAuth(host: string): Localized {
  return {
    ja: `${host} は Basic 認証を求めています。Basic認証を使用しているサイトとの連携はサポートしていません。連携URLのパスを Basic 認証の対象から外してもらってください。`,
    en: `${host} asks for "Basic" authentication. Linking with a site that uses "Basic" authentication is not supported; ask the partner to exempt the link URL's path from it.`,
  }
}

export function unreachable(host: string, what: string): Localized {
  return {
    ja: `${host} に接続できません（${what}）。連携URL、連携先のサーバーが動いていること、ファイアウォールとプロキシの設定を確認してください。`,
    en: `Cannot connect to ${host} (${what}). Check the link URL, that the partner's server is running, and the firewall and proxy settings.`,
  }
}

export function refusedBy(host: string, refusal: PartnerRefusal): Localized {
  return {
    ja: `${host} がリクエストを断りました: ${refusal.ja}`,
    en: `${host} refused the request: ${refusal.en}`,
  }
}

export function serverError(host: string, status: number): Localized {
  return {
    ja: `${host} でエラーが発生しました（HTTP ${status}）。しばらくしてから自動で再試行します。`,
    en: `${host} had an error (HTTP ${status}); it will be tried again later.`,
  }
}

export function badResponse(host: string, what: Localized): Localized {
  return {
    ja: `${host} の応答は Renkei の連携用エンドポイントのものではありません（${what.ja}）。連携URLを確認してください。`,
    en: `${host} did not answer as a Renkei partner endpoint (${what.en}). Check the link URL.`,
  }
}
