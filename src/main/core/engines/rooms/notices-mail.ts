import { createHash } from 'node:crypto'
import type { Language } from '../../../../shared/model/localized'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import { messageDomain } from '../notices/queue-compose'
import { employeeOf } from '../notices/queue-rows'
import type { OutgoingNotice } from '../notices/notice-ports'
import type { NoticeCommunity } from './notices-store'
import type { NoticeMail, PendingMemberNotice } from './room-member-notices'

/**
 * Stable per notice and recipient, across resends and restarts, so a receiver drops the repeat of a mail that
 * left before a crash or a failure later in the same notice. The notice id holds the sender's event id (any
 * text): it is hashed to stay a valid Message-ID.
 */
export function memberNoticeMessageId(noticeId: string, recipient: number, siteName: string): string {
  const hash = createHash('sha256').update(noticeId).digest('hex').slice(0, 24)
  return `renkei-room-${hash}-${recipient}@${messageDomain(siteName)}`
}

type Text = Readonly<Record<Language, string>>

function subjectOf(cause: PendingMemberNotice['cause'], community: Text): Text {
  // F (c): a community created with members sends two notices; distinct subjects tell them apart.
  return cause === 'community-created'
    ? {
        ja: `コミュニティが作成され、メンバが追加されました: ${community.ja}`,
        en: `A community was created with its members: ${community.en}`,
      }
    : {
        ja: `コミュニティにメンバが追加されました: ${community.ja}`,
        en: `Members were added to the community: ${community.en}`,
      }
}

function bodyOf(
  language: Language,
  notice: PendingMemberNotice,
  community: NoticeCommunity,
  names: Text,
  greeting: string,
): string {
  const room = community.room
  if (language === 'ja') {
    const what =
      notice.cause === 'community-created'
        ? `コミュニティ「${community.name}」が作成され、メンバが追加されました。`
        : `コミュニティ「${community.name}」にメンバが追加されました。`
    return [
      `${greeting} さん`,
      '',
      what,
      `追加されたメンバ: ${names.ja}`,
      ...(room ? [`会議室: ${room.name}`, ...(room.url ? [`URL: ${room.url}`] : [])] : []),
    ].join('\n')
  }
  const name = community.nameEn ?? community.name
  const what =
    notice.cause === 'community-created'
      ? `The community "${name}" was created with its members.`
      : `Members were added to the community "${name}".`
  return [
    `Dear ${greeting},`,
    '',
    what,
    `Added members: ${names.en}`,
    ...(room ? [`Conference room: ${room.nameEn}`, ...(room.url ? [`URL: ${room.url}`] : [])] : []),
  ].join('\n')
}

/**
 * One mail of a member-added notice: the subject in the site's language, the text in it and then in the other
 * (a recipient's own language is not known here). Added members and the recipient are named as the home
 * directory knows them now; someone no longer there is named by their key.
 */
export function composeMemberNotice(
  home: HomeDirectoryRepository,
  notice: PendingMemberNotice,
  community: NoticeCommunity,
  mail: NoticeMail,
  recipientIndex: number,
  language: Language,
  siteName: string,
): OutgoingNotice {
  const people = notice.addedMembers.map((key) => employeeOf(home, key))
  const names: Text = {
    ja: people.map((p, i) => p?.nameJa ?? notice.addedMembers[i]).join('、'),
    en: people.map((p, i) => p?.nameEn ?? p?.nameJa ?? notice.addedMembers[i]).join(', '),
  }
  const recipient = employeeOf(home, mail.userId)
  const greeting: Text = {
    ja: recipient?.nameJa ?? mail.userId,
    en: recipient?.nameEn ?? recipient?.nameJa ?? mail.userId,
  }
  const other: Language = language === 'ja' ? 'en' : 'ja'
  const subject = subjectOf(notice.cause, { ja: community.name, en: community.nameEn ?? community.name })
  return {
    recipient: {
      employeeKey: mail.userId,
      name: greeting[language],
      email: mail.to,
      login: recipient?.login ?? '',
      address: mail.to,
    },
    subject: subject[language],
    text: [
      bodyOf(language, notice, community, names, greeting[language]),
      bodyOf(other, notice, community, names, greeting[other]),
    ].join('\n\n----------\n\n'),
    // No notice relay kind fits (these are not seed ⑥ events); a webhook target receives an empty list.
    kinds: [],
    messageId: memberNoticeMessageId(notice.id, recipientIndex, siteName),
  }
}
