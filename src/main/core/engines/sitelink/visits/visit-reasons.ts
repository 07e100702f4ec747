/**
 * Why a visit was issued, allowed, denied or refused: the code the visit log stores, its decision kind,
 * the HTTP status the landing answers with, and the words people read (ja/en).
 */
import type { Localized } from '../../../../../shared/model/localized'
import type { VisitDecisionKind } from '../../../../../shared/model/sitelink-rules'

interface Reason {
  readonly decision: VisitDecisionKind
  /** The landing's answer (received side only). */
  readonly status: number
  readonly ja: string
  readonly en: string
}

const reasons = {
  // At home, issuing the URL.
  issued: { decision: 'allowed', status: 200, ja: '訪問URLを発行しました。', en: 'A visit URL was issued.' },
  'link-inactive': {
    decision: 'denied',
    status: 403,
    ja: 'リンク中でない（または一時停止中の）相手先には訪問できません。',
    en: 'Visits go only to a partner that is linked and not paused.',
  },
  'unknown-employee': {
    decision: 'denied',
    status: 403,
    ja: 'この社員はホームサイトの社員名簿にいません。',
    en: 'This employee is not in the home directory.',
  },
  'inactive-employee': {
    decision: 'denied',
    status: 403,
    ja: 'この社員は無効（退職・休職など）です。',
    en: 'This employee is not active (left or on leave).',
  },
  'visit-rules': {
    decision: 'denied',
    status: 403,
    ja: 'この社員は訪問設定の対象外です。',
    en: 'The visit rules do not include this employee.',
  },
  // At the partner, opening the URL.
  allowed: { decision: 'allowed', status: 200, ja: '訪問を受け入れました。', en: 'The visit was accepted.' },
  malformed: {
    decision: 'refused',
    status: 400,
    ja: '訪問URLの形式が正しくありません（途中で切れているか、書き換えられています）。',
    en: 'The visit URL is not well formed (cut short or altered).',
  },
  'unknown-signer': {
    decision: 'refused',
    status: 403,
    ja: '訪問URLを発行したサイトとはリンクしていません（またはリンクが一時停止中です）。',
    en: 'The site that issued the visit URL is not linked here (or the link is paused).',
  },
  'bad-signature': {
    decision: 'refused',
    status: 400,
    ja: '訪問URLの署名が正しくありません。発行後に書き換えられています。',
    en: 'The visit URL signature is not valid: it was altered after it was issued.',
  },
  'wrong-audience': {
    decision: 'refused',
    status: 400,
    ja: 'この訪問URLは別のサイト宛てに発行されています。',
    en: 'This visit URL was issued for another site.',
  },
  expired: {
    decision: 'refused',
    status: 410,
    ja: '訪問URLの有効期限（発行から60秒）が切れています。ホームサイトでもう一度発行してください。',
    en: 'The visit URL has expired (60 seconds after it was issued). Issue a new one at your home site.',
  },
  'not-yet-valid': {
    decision: 'refused',
    status: 400,
    ja: '訪問URLの発行時刻が未来です。両サイトの時計を確認してください。',
    en: 'The visit URL was issued in the future. Check the clocks of both sites.',
  },
  replayed: {
    decision: 'refused',
    status: 410,
    ja: 'この訪問URLはすでに使われています。訪問URLは1回だけ使えます。',
    en: 'This visit URL was already used. A visit URL works once.',
  },
  'unknown-visitor': {
    decision: 'refused',
    status: 403,
    ja: '訪問者は相手先から受け取った社員名簿にいません。',
    en: 'The visitor is not in the directory received from the partner.',
  },
  'inactive-visitor': {
    decision: 'refused',
    status: 403,
    ja: '訪問者は相手先の名簿で無効（退職・休職など）です。',
    en: 'The visitor is not active in the directory received from the partner.',
  },
  'partner-visit-rules': {
    decision: 'denied',
    status: 403,
    ja: '訪問者は相手先の訪問設定の対象外です。',
    en: "The partner's visit rules do not include the visitor.",
  },
  'accept-none': {
    decision: 'denied',
    status: 403,
    ja: '受入設定で「なし（ログイン不可）」です。',
    en: 'The accept rules give no access (sign-in not allowed).',
  },
} as const satisfies Record<string, Reason>

export type VisitReasonCode = keyof typeof reasons

export const reasonOf = (code: VisitReasonCode): Reason => reasons[code]

/** The visit log's text for a stored code; the deciding rule named when there is one. */
export function reasonText(code: string, ruleId: string | null): Localized {
  const reason: Reason | undefined = (reasons as Record<string, Reason>)[code]
  const ja = reason?.ja ?? `理由コード「${code}」`
  const en = reason?.en ?? `Reason code "${code}"`
  if (ruleId === null) return { ja, en }
  return { ja: `${ja}（規則: ${ruleId}）`, en: `${en} (rule: ${ruleId})` }
}
