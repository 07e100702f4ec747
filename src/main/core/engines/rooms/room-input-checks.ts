import type { Localized } from '../../../../shared/model/localized'
import { languages } from '../../../../shared/model/localized'
import type { Community, TargetLimits } from '../../../../shared/model/rooms'
import { isKnownTimeZone } from './room-dates'

/** What a community must carry before its room can be computed; every gap at once (ja/en). */
export function communityProblems(community: Community): Localized[] {
  const problems: Localized[] = []
  const { creator } = community
  if (community.name.trim() === '') {
    problems.push({ ja: 'コミュニティ名が空です', en: 'the community name is empty' })
  }
  if (creator.id.trim() === '') {
    problems.push({ ja: 'コミュニティ作成者の ID が空です', en: "the community creator's id is empty" })
  }
  if (!languages.includes(creator.language)) {
    problems.push({
      ja: `作成者の表示言語 ${String(creator.language)} には対応していません(ja か en)`,
      en: `the creator's display language ${String(creator.language)} is not supported (ja or en)`,
    })
  } else if (ownerNameOf(community) === null) {
    problems.push({
      ja: 'コミュニティ作成者の名前がありません',
      en: "the community creator's name is missing",
    })
  }
  if (!isKnownTimeZone(creator.timeZone)) {
    problems.push({
      ja: `作成者のタイムゾーン ${creator.timeZone} が不明です`,
      en: `the creator's time zone ${creator.timeZone} is unknown`,
    })
  }
  return problems
}

/** The creator's name in their display language; else the English name, else the Japanese one (noted in the rule). */
export function ownerNameOf(community: Community): { name: string; fallback: boolean } | null {
  const { creator } = community
  const own = creator.name[creator.language]
  if (own !== undefined && own.trim() !== '') return { name: own, fallback: false }
  const other = creator.nameEn ?? creator.name.ja ?? creator.name.en
  return other !== undefined && other !== null && other.trim() !== '' ? { name: other, fallback: true } : null
}

export function limitProblems(limits: TargetLimits): Localized[] {
  const problems: Localized[] = []
  for (const [key, label] of [
    ['nameMax', { ja: '会議室名の最大長', en: 'room name limit' }],
    ['nameEnMax', { ja: '会議室名(英語)の最大長', en: 'English room name limit' }],
  ] as const) {
    const value = limits[key]
    if (!Number.isInteger(value) || value < 1) {
      problems.push({
        ja: `${label.ja}: 1 以上の整数を指定してください(値: ${value})`,
        en: `${label.en}: give a whole number of 1 or more (value: ${value})`,
      })
    }
  }
  if (limits.unit !== 'characters' && limits.unit !== 'utf8-bytes') {
    problems.push({
      ja: `長さの単位 ${String(limits.unit)} は不明です(characters か utf8-bytes)`,
      en: `unknown length unit ${String(limits.unit)} (characters or utf8-bytes)`,
    })
  }
  return problems
}

/** The room's address goes into every mail: only a plain http(s) URL, never one carrying a password. */
export function roomUrlProblems(roomUrl: string): Localized[] {
  let url: URL
  try {
    url = new URL(roomUrl)
  } catch {
    return [
      { ja: `会議室の URL が正しくありません: ${roomUrl}`, en: `the room URL is not valid: ${roomUrl}` },
    ]
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return [{ ja: '会議室の URL は http(s) にしてください', en: 'the room URL must be http(s)' }]
  }
  if (url.username !== '' || url.password !== '') {
    // Do not echo the URL: it carries a credential.
    return [
      { ja: '会議室の URL に認証情報を含めないでください', en: 'the room URL must not carry credentials' },
    ]
  }
  return []
}
