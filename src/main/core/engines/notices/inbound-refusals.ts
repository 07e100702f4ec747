/**
 * Why an inbound source refused a request: ja/en text for the caller and the history, and a count per source
 * for the sources list. The count lives in memory (hourly buckets, so a flood costs nothing): it restarts at
 * zero with Renkei, while the history keeps every refusal for good.
 */
import type { Localized } from '../../../../shared/model/localized'
import type { HistoryRepository } from '../../history/history-repository'

export const noticeCategory = 'notices'

export const inboundRefusals = {
  'unknown-source': {
    status: 404,
    ja: 'この受信口はありません（未登録か無効です）。',
    en: 'There is no such inbound source (unknown or disabled).',
  },
  method: { status: 405, ja: 'POST で送ってください。', en: 'Send it with POST.' },
  'too-large': {
    status: 413,
    ja: '本文が 1 MB を超えています。',
    en: 'The body is larger than 1 MB.',
  },
  unsigned: {
    status: 401,
    ja: 'X-Renkei-Timestamp と X-Renkei-Signature（v1=…）のヘッダーが必要です。',
    en: 'The X-Renkei-Timestamp and X-Renkei-Signature (v1=…) headers are required.',
  },
  stale: {
    status: 401,
    ja: '署名時刻が 5 分以上ずれています。送信側のサーバーの時計（NTP）を確認してください。',
    en: 'The timestamp is more than 5 minutes away from this server’s time. Check the sender’s clock (NTP).',
  },
  'bad-signature': {
    status: 401,
    ja: '署名が正しくありません。秘密鍵が違うか、本文が途中で書き換えられています。',
    en: 'The signature is not valid: a different secret, or the body was altered on the way.',
  },
  'bad-token': {
    status: 401,
    ja: 'トークンが受信口の秘密鍵と一致しません。',
    en: 'The token does not match the inbound source’s secret.',
  },
  'bad-body': {
    status: 400,
    ja: '本文の形式が正しくありません。',
    en: 'The body is not in the expected form.',
  },
  keychain: {
    status: 503,
    ja: 'キーチェーンから秘密鍵を読めません。少し待ってから再送してください。',
    en: 'The secret could not be read from the keychain. Send it again a little later.',
  },
  internal: {
    status: 500,
    ja: 'お知らせを受け付けられませんでした（内部エラー）。',
    en: 'The notice could not be taken in (internal error).',
  },
} as const satisfies Record<string, Localized & { readonly status: number }>
export type InboundRefusalCode = keyof typeof inboundRefusals

const hourMs = 3_600_000

/** Refusals per source in the last 24 hours, counted in hourly buckets. */
export class RefusalCounter {
  private readonly buckets = new Map<string, Map<number, number>>()

  add(sourceId: string, at: number): void {
    const hours = this.buckets.get(sourceId) ?? new Map<number, number>()
    const hour = Math.floor(at / hourMs)
    hours.set(hour, (hours.get(hour) ?? 0) + 1)
    for (const old of hours.keys()) if (old <= hour - 24) hours.delete(old)
    this.buckets.set(sourceId, hours)
  }

  last24h(sourceId: string, now: number): number {
    const first = Math.floor(now / hourMs) - 23
    let count = 0
    for (const [hour, n] of this.buckets.get(sourceId) ?? []) if (hour >= first) count += n
    return count
  }

  forget(sourceId: string): void {
    this.buckets.delete(sourceId)
  }
}

/** One history line per refusal: who, which source, why; never the body, a header value or the secret. */
export function recordRefusal(
  history: HistoryRepository,
  refusal: { readonly sourceId: string; readonly remoteAddress: string; readonly code: InboundRefusalCode },
  why: Localized = inboundRefusals[refusal.code],
): void {
  const { sourceId, remoteAddress } = refusal
  history.append({
    direction: 'receive',
    category: noticeCategory,
    level: refusal.code === 'internal' ? 'error' : 'warning',
    message: `お知らせの受信口「${sourceId}」が ${remoteAddress} からの要求を拒否しました: ${why.ja}`,
    messageEn: `The inbound notice source "${sourceId}" refused a request from ${remoteAddress}: ${why.en}`,
    detail: { source: sourceId, refusal: refusal.code },
  })
}
