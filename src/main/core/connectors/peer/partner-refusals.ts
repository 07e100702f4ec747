/**
 * Why the partner endpoint refused a request, as a code for programs and the history, and ja/en text for
 * the admin on either side (the calling site shows the text it got back).
 */
import type { Localized } from '../../../../shared/model/localized'

export const partnerRefusalCodes = [
  'unsigned',
  'unknown-key',
  'bad-signature',
  'digest-mismatch',
  'stale',
  'replay',
  'not-found',
  'bad-request',
  'too-large',
  'internal',
] as const
export type PartnerRefusalCode = (typeof partnerRefusalCodes)[number]

/** The JSON body of every refusal: `{ error: { code, ja, en } }`. */
export interface PartnerRefusal extends Localized {
  readonly code: PartnerRefusalCode
}

const texts: Record<PartnerRefusalCode, Localized> = {
  unsigned: {
    ja: 'リクエストに署名がありません。連携先の Renkei からのリクエストではありません。',
    en: 'The request is not signed; it did not come from a linked Renkei site.',
  },
  'unknown-key': {
    ja: 'リクエストの署名鍵を知りません。連携していないサイトか、連携が解除されています。',
    en: 'The request was signed with a key this site does not know: the site is not linked, or the link was removed.',
  },
  'bad-signature': {
    ja: 'リクエストの署名が正しくありません。途中で書き換えられた可能性があります。',
    en: 'The request signature is not valid; the request may have been altered on the way.',
  },
  'digest-mismatch': {
    ja: 'リクエストの本文が署名されたダイジェストと一致しません。途中で書き換えられた可能性があります。',
    en: 'The request body does not match its signed digest; it may have been altered on the way.',
  },
  stale: {
    ja: 'リクエストの署名時刻が 5 分以上ずれています。両方のサーバーの時計（NTP）を確認してください。',
    en: 'The request was signed more than 5 minutes away from this server’s time. Check both servers’ clocks (NTP).',
  },
  replay: {
    ja: '同じリクエストが再送されました（リプレイ）。受け付けません。',
    en: 'The same request was sent again (a replay); it is refused.',
  },
  'not-found': {
    ja: 'このパスには何もありません。',
    en: 'There is nothing at this path.',
  },
  'bad-request': {
    ja: 'リクエストの本文が JSON として読めません。',
    en: 'The request body is not readable JSON.',
  },
  'too-large': {
    ja: 'リクエストの本文が大きすぎます。',
    en: 'The request body is too large.',
  },
  internal: {
    ja: '連携先のサーバーで予期しないエラーが発生しました。連携先の同期履歴を確認してもらってください。',
    en: 'Something unexpected went wrong at the partner site; ask them to check their sync history.',
  },
}

export function partnerRefusal(code: PartnerRefusalCode): PartnerRefusal {
  return { code, ...texts[code] }
}
