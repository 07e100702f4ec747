import type { NoticeField, NoticeKind } from '../../../../shared/model/notices'

type Fields = Readonly<Partial<Record<NoticeField, string>>>

/** Seed 000 ⑥'s schedule sample (場所 is left out so the preview shows 「---」 as the seed does). */
const schedule: Fields = {
  when: '2022/12/20 11:00 ~ 2022/12/20 12:00',
  changedOn: '2022/12/20',
  changedBy: '加藤桃子',
  registeredFor: '山田太郎, 加藤桃子',
  title: '定例会議 / 打ち合わせ',
  body: '来年度予算について',
}

/** Seed 000 ⑥'s 伝言 sample. */
const message: Fields = {
  actor: '中野愛',
  when: '2022年12月20日 火曜日 16:08',
  requester: '○○株式会社 鈴木様',
  purpose: '折り返し電話をください',
  contact: 'XXX-XXXX',
}

const facility: Fields = { ...schedule, facility: '第1会議室', title: '定例会議' }
const document = (title: string, actor: string): Fields => ({
  title,
  actor,
  when: '2022/12/20 09:00',
  deadline: '2022/12/23',
  body: '内容をご確認ください',
  url: 'https://groupware.example.co.jp/cgi-bin/dneo/dneo.cgi',
})

/** One sample event per kind: the preview of a template fills it from these. */
export const sampleFields: Readonly<Record<NoticeKind, Fields>> = {
  'schedule.added': schedule,
  'schedule.changed': { ...schedule, oldWhen: '2022/12/20 10:00 ~ 2022/12/20 11:00' },
  'schedule.deleted': schedule,
  'schedule.approved': schedule,
  'schedule.denied': schedule,
  'facility.added': facility,
  'facility.changed': { ...facility, oldWhen: '2022/12/20 10:00 ~ 2022/12/20 11:00' },
  'facility.deleted': facility,
  'facility.approved': facility,
  'facility.denied': facility,
  'facility.tentative-added': facility,
  'facility.confirmed': facility,
  'facility.tentative-deleted': facility,
  'todo.added': {
    title: '資料作成をする',
    deadline: '2022/02/22',
    changedOn: '2022/02/21',
    changedBy: '山田太郎',
    registeredFor: '山田太郎',
    body: '△△プロジェクト 進捗共有',
  },
  'todo.changed': {
    title: '資料作成をする',
    deadline: '2022/02/24',
    changedOn: '2022/02/22',
    changedBy: '山田太郎',
    registeredFor: '山田太郎',
    body: '△△プロジェクト 進捗共有',
  },
  'message.created': message,
  'message.changed': message,
  'circulation.unconfirmed': document('年末年始の休業について', '総務部 佐藤'),
  'survey.unanswered': document('社員食堂アンケート', '総務部 佐藤'),
  'information.approval-requested': document('新オフィス移転のお知らせ', '加藤桃子'),
  'information.sent-back': document('新オフィス移転のお知らせ', '加藤桃子'),
  'directory.account': {
    when: '2022/12/20 09:00',
    changedBy: 'Renkei',
    place: 'LDAP',
    body: 'アカウントを作成しました',
  },
  'link.received': {
    where: '大阪支社',
    when: '2022/12/20 11:00 ~ 2022/12/20 12:00',
    title: '定例会議',
    registeredFor: '山田太郎',
    body: '来年度予算について',
  },
  'chat.message': {
    actor: '中野愛',
    when: '2022/12/20 16:08',
    where: '営業1課',
    body: '資料を共有しました',
    url: 'https://chat.example.co.jp/room/1',
  },
}

/** The addressee's name in a preview. */
export const sampleRecipientName = '山田太郎'
