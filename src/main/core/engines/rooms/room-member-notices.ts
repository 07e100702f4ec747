import type { Localized } from '../../../../shared/model/localized'
import type { RoomState, SystemParameters } from '../../../../shared/model/rooms'
import { systemParameterLabels } from '../../../../shared/model/rooms'
import { throwIfProblems } from './room-parameters'

/** A person as the home directory knows them; absent from the map = not registered in the directory. */
export interface DirectoryPerson {
  readonly id: string
  readonly email: string | null
}

export interface NoticeRecipient {
  readonly userId: string
  readonly email: string
}

export interface SkippedRecipient {
  readonly userId: string
  readonly reason: 'not-in-directory' | 'no-email'
}

/**
 * A member-added notice waiting for the admin's 「通知メールを送信」 (F (4): mails go out only when the admin
 * runs the send). `cause` tells the two notices of a community created with members apart (F (c)).
 */
export interface PendingMemberNotice {
  /** The event id and the cause: registering the same event again yields the same id (idempotent). */
  readonly id: string
  readonly communityCode: string
  readonly cause: 'community-created' | 'members-added'
  /** Only members registered in the directory count as added (F (b), table F-3). */
  readonly addedMembers: readonly string[]
  readonly recipients: readonly NoticeRecipient[]
  readonly registeredAt: string
}

export interface MemberNoticeRegistration {
  readonly notices: readonly PendingMemberNotice[]
  /** Added people not in the directory: not "added members", never named in a notice (table F-3, user B). */
  readonly notCounted: readonly string[]
  /** Members the notice cannot reach (F (a)): listed for the admin. */
  readonly skipped: readonly SkippedRecipient[]
  /** Why there are (or are not) notices, for the history line. */
  readonly outcome: Localized
}

export interface MembersAddedInput {
  readonly eventId: string
  readonly communityCode: string
  /** Members before this change. */
  readonly existingMembers: readonly string[]
  readonly addedMembers: readonly string[]
  /**
   * The room's state before and after this change. A room opened in the same change as the members were added
   * was still 準備中 when they were added, so it gives no notice (F (4): "メンバの追加と会議室の開催を同時に
   * 行った場合を含む").
   */
  readonly roomState: { readonly before: RoomState; readonly after: RoomState }
  readonly parameters: Pick<SystemParameters, 'memberNoticeDefault'>
  readonly directory: ReadonlyMap<string, DirectoryPerson>
  readonly now: Date
}

/** F (4) and table F-3: the notice registered when members join a community, if any. */
export function registerMembersAdded(input: MembersAddedInput): MemberNoticeRegistration {
  return register(input, ['members-added'])
}

export interface CommunityCreatedInput {
  readonly eventId: string
  readonly communityCode: string
  /** Everyone the community was created with (the creator included when the product lists them). */
  readonly members: readonly string[]
  /** The state the automatically created room starts in (system parameter 会議室自動生成時の会議室状態). */
  readonly roomState: RoomState
  readonly parameters: Pick<SystemParameters, 'memberNoticeDefault'>
  readonly directory: ReadonlyMap<string, DirectoryPerson>
  readonly now: Date
  /** Renkei's own setting: send one notice instead of the seed's two. */
  readonly oneMailOnCreate: boolean
}

/**
 * F (c): a community created with members at once registers a notice for the creation (table F-1 item 1) and
 * another for the members added (item 3), so every member receives two mails — the seed documents this as the
 * product's behaviour and Renkei reproduces it unless `oneMailOnCreate` is set.
 */
export function registerCommunityCreated(input: CommunityCreatedInput): MemberNoticeRegistration {
  const causes = input.oneMailOnCreate
    ? (['community-created'] as const)
    : (['community-created', 'members-added'] as const)
  return register(
    {
      ...input,
      existingMembers: [],
      addedMembers: input.members,
      roomState: { before: input.roomState, after: input.roomState },
    },
    causes,
  )
}

function register(
  input: MembersAddedInput,
  causes: readonly PendingMemberNotice['cause'][],
): MemberNoticeRegistration {
  const missing: Localized[] = []
  if (input.eventId.trim() === '') missing.push({ ja: 'イベント ID が空です', en: 'the event id is empty' })
  if (input.communityCode.trim() === '') {
    missing.push({ ja: 'コミュニティのコードが空です', en: 'the community code is empty' })
  }
  throwIfProblems(missing, { ja: 'メンバ追加通知を登録できません', en: 'cannot register the member notice' })
  const counted = unique(input.addedMembers).filter((id) => input.directory.has(id))
  const notCounted = unique(input.addedMembers).filter((id) => !input.directory.has(id))
  const none = (outcome: Localized): MemberNoticeRegistration => ({
    notices: [],
    notCounted,
    skipped: [],
    outcome,
  })
  const label = systemParameterLabels.memberNoticeDefault
  if (!input.parameters.memberNoticeDefault) {
    return none({ ja: `${label.ja} がオフのため通知しません`, en: `no notice: ${label.en} is off` })
  }
  if (input.roomState.before === 'preparing' || input.roomState.after === 'preparing') {
    return none({
      ja: '会議室が準備中のためメンバ追加を通知しません',
      en: 'no notice: the room is being prepared (準備中)',
    })
  }
  if (counted.length === 0) {
    return none({
      ja: '追加されたメンバがディレクトリにいないため通知しません',
      en: 'no notice: none of the added people is in the directory',
    })
  }
  const recipients: NoticeRecipient[] = []
  const skipped: SkippedRecipient[] = []
  // F (a): the new members and those already in the community; people unknown to the directory cannot be
  // mailed, and an added person outside the directory is already reported in notCounted.
  for (const userId of unique([...counted, ...input.existingMembers])) {
    const person = input.directory.get(userId)
    const email = person?.email?.trim() ?? ''
    if (person === undefined) skipped.push({ userId, reason: 'not-in-directory' })
    else if (email === '') skipped.push({ userId, reason: 'no-email' })
    else recipients.push({ userId, email })
  }
  const notices = causes.map((cause) => ({
    id: `${input.eventId}#${cause}`,
    communityCode: input.communityCode,
    cause,
    addedMembers: counted,
    recipients,
    registeredAt: input.now.toISOString(),
  }))
  return {
    notices,
    notCounted,
    skipped,
    outcome: {
      ja: `${notices.length} 件の通知を登録しました(宛先 ${recipients.length} 人、送れない人 ${skipped.length} 人)`,
      en: `${notices.length} notice(s) registered for ${recipients.length} recipient(s); ${skipped.length} cannot be mailed`,
    },
  }
}

export interface NoticeMail {
  readonly noticeId: string
  readonly communityCode: string
  readonly userId: string
  readonly to: string
}

export interface DroppedNotice {
  readonly noticeId: string
  readonly communityCode: string
  readonly reason: Localized
}

/**
 * What 「通知メールを送信」 sends: one mail per recipient of each pending notice, except notices whose community
 * no longer exists — F (4) says those are not mailed; they are dropped and reported.
 */
export function planNoticeSend(
  pending: readonly PendingMemberNotice[],
  existingCommunities: ReadonlySet<string>,
): { readonly mails: readonly NoticeMail[]; readonly dropped: readonly DroppedNotice[] } {
  const mails: NoticeMail[] = []
  const dropped: DroppedNotice[] = []
  for (const notice of pending) {
    if (!existingCommunities.has(notice.communityCode)) {
      dropped.push({
        noticeId: notice.id,
        communityCode: notice.communityCode,
        reason: {
          ja: `コミュニティ ${notice.communityCode} が削除されたため送信しません`,
          en: `not sent: the community ${notice.communityCode} no longer exists`,
        },
      })
      continue
    }
    for (const recipient of notice.recipients) {
      mails.push({
        noticeId: notice.id,
        communityCode: notice.communityCode,
        userId: recipient.userId,
        to: recipient.email,
      })
    }
  }
  return { mails, dropped }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
