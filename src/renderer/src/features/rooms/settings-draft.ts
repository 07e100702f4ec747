/**
 * The システムパラメタ tab's form as typed ↔ the contract's `rooms.settings.update` patch. Pure, so it is
 * tested alone. The draft only refuses what it cannot turn into the contract's shape (a day count that is
 * not a whole number, an owner line without "="); every other check is the core's, answered in ja/en.
 */
import type { Localized } from '../../../../shared/model/localized'
import type { MergePatch } from '../../../../shared/model/merge-patch'
import {
  systemParameterLabels,
  type RoomSettings,
  type RoomSettingsInput,
  type RoomState,
} from '../../../../shared/model/rooms'

export const periodKeys = ['preparationPeriodMaxDays', 'sessionPeriodMaxDays', 'viewPeriodMaxDays'] as const
export type PeriodKey = (typeof periodKeys)[number]

export interface RoomSettingsDraft {
  readonly enabled: boolean
  readonly autoCreatedRoomState: RoomState
  readonly preparationPeriodMaxDays: string
  readonly sessionPeriodMaxDays: string
  readonly viewPeriodMaxDays: string
  readonly postMailDefault: boolean
  readonly memberNoticeDefault: boolean
  /** One pattern per line. */
  readonly codePatterns: string
  /** One group code per line. */
  readonly codes: string
  readonly defaultOwner: string
  /** `group code = owner` per line. */
  readonly owners: string
  readonly restUrl: string
  readonly username: string
  readonly mailDomain: string
  readonly roomBaseUrl: string
  readonly autoApply: boolean
  readonly oneMailOnCreate: boolean
  readonly noticeTargetId: string
  readonly sendNoticesAt: string
}

export function settingsToDraft(s: RoomSettings): RoomSettingsDraft {
  const p = s.parameters
  return {
    enabled: s.enabled,
    autoCreatedRoomState: p.autoCreatedRoomState,
    preparationPeriodMaxDays: String(p.preparationPeriodMaxDays),
    sessionPeriodMaxDays: String(p.sessionPeriodMaxDays),
    viewPeriodMaxDays: String(p.viewPeriodMaxDays),
    postMailDefault: p.postMailDefault,
    memberNoticeDefault: p.memberNoticeDefault,
    codePatterns: s.communities.codePatterns.join('\n'),
    codes: s.communities.codes.join('\n'),
    defaultOwner: s.communities.defaultOwner,
    owners: Object.entries(s.communities.owners)
      .map(([code, owner]) => `${code} = ${owner}`)
      .join('\n'),
    restUrl: s.target.restUrl,
    username: s.target.username,
    mailDomain: s.target.mailDomain,
    roomBaseUrl: s.target.roomBaseUrl,
    autoApply: s.autoApply,
    oneMailOnCreate: s.oneMailOnCreate,
    noticeTargetId: s.noticeTargetId,
    sendNoticesAt: s.sendNoticesAt,
  }
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

function ownersOf(text: string, problems: Localized[]): Record<string, string> {
  const owners: Record<string, string> = {}
  lines(text).forEach((line, index) => {
    const at = line.indexOf('=')
    const code = at === -1 ? '' : line.slice(0, at).trim()
    const owner = at === -1 ? '' : line.slice(at + 1).trim()
    if (code && owner) owners[code] = owner
    else
      problems.push({
        ja: `グループごとの所有者 ${index + 1} 行目「${line}」: 「グループコード = 社員キー」の形で書いてください`,
        en: `Owner per group, line ${index + 1} "${line}": write it as "group code = employee key"`,
      })
  })
  return owners
}

function daysOf(draft: RoomSettingsDraft, key: PeriodKey, problems: Localized[]): number {
  const text = draft[key].trim()
  if (/^\d{1,6}$/.test(text)) return Number(text)
  const label = systemParameterLabels[key]
  problems.push({
    ja: `${label.ja}: 日数を整数で入力してください(値: 「${text}」)`,
    en: `${label.en}: type a whole number of days (value: "${text}")`,
  })
  return 0
}

export type DraftResult =
  { readonly patch: MergePatch<RoomSettingsInput> } | { readonly problems: readonly Localized[] }

/**
 * The whole form as a patch (arrays replace; an owner line removed becomes `null`, which a merge patch needs
 * to remove a key), or every problem at once with nothing to send.
 */
export function draftToPatch(draft: RoomSettingsDraft, saved: RoomSettings): DraftResult {
  const problems: Localized[] = []
  const [preparationPeriodMaxDays, sessionPeriodMaxDays, viewPeriodMaxDays] = periodKeys.map((k) =>
    daysOf(draft, k, problems),
  )
  const owners: Record<string, string | null> = ownersOf(draft.owners, problems)
  for (const code of Object.keys(saved.communities.owners)) if (!(code in owners)) owners[code] = null
  if (problems.length > 0) return { problems }
  return {
    patch: {
      enabled: draft.enabled,
      parameters: {
        autoCreatedRoomState: draft.autoCreatedRoomState,
        preparationPeriodMaxDays: preparationPeriodMaxDays!,
        sessionPeriodMaxDays: sessionPeriodMaxDays!,
        viewPeriodMaxDays: viewPeriodMaxDays!,
        postMailDefault: draft.postMailDefault,
        memberNoticeDefault: draft.memberNoticeDefault,
      },
      communities: {
        codePatterns: lines(draft.codePatterns),
        codes: lines(draft.codes),
        defaultOwner: draft.defaultOwner.trim(),
        owners,
      },
      target: {
        restUrl: draft.restUrl.trim(),
        username: draft.username.trim(),
        mailDomain: draft.mailDomain.trim(),
        roomBaseUrl: draft.roomBaseUrl.trim(),
      },
      autoApply: draft.autoApply,
      oneMailOnCreate: draft.oneMailOnCreate,
      noticeTargetId: draft.noticeTargetId,
      sendNoticesAt: draft.sendNoticesAt.trim(),
    },
  }
}

/** Several draft problems as one message for the form's error line. */
export function joinProblems(problems: readonly Localized[]): Localized {
  return { ja: problems.map((p) => p.ja).join('\n'), en: problems.map((p) => p.en).join('\n') }
}
