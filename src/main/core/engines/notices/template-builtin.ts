import type { NoticeField, NoticeKind, NoticeLanguage } from '../../../../shared/model/notices'

/**
 * The built-in templates, in the wording of seed 000 ⑥ (「下記の内容で予定を変更しました。」 日時 / 変更日 / 変更者 /
 * 登録先 / 予定 / 場所 / 内容; 「伝言・所在: ○○さんより伝言」 日時 / 依頼主 / 要件 / 連絡先 / 内容) and one in the same
 * style for every other kind, in Japanese and English. A line is 「label: {{field}}」; labels vary by kind
 * (変更者 / 登録者 / 削除者 all name `changedBy`), so each line names its label and field.
 */
const lines = {
  when: ['日時', 'Date/time', 'when'],
  oldWhen: ['変更前の日時', 'Previous date/time', 'oldWhen'],
  changedOn: ['変更日', 'Changed on', 'changedOn'],
  changedBy: ['変更者', 'Changed by', 'changedBy'],
  addedOn: ['登録日', 'Added on', 'changedOn'],
  addedBy: ['登録者', 'Added by', 'changedBy'],
  deletedOn: ['削除日', 'Deleted on', 'changedOn'],
  deletedBy: ['削除者', 'Deleted by', 'changedBy'],
  decidedOn: ['処理日', 'Decided on', 'changedOn'],
  approver: ['承認者', 'Decided by', 'changedBy'],
  reservedBy: ['予約者', 'Reserved by', 'changedBy'],
  registeredFor: ['登録先', 'Registered for', 'registeredFor'],
  title: ['予定', 'Event', 'title'],
  task: ['タスク', 'Task', 'title'],
  subject: ['件名', 'Title', 'title'],
  survey: ['アンケート', 'Survey', 'title'],
  facility: ['設備', 'Facility', 'facility'],
  place: ['場所', 'Place', 'place'],
  body: ['内容', 'Details', 'body'],
  requester: ['依頼主', 'From', 'requester'],
  purpose: ['要件', 'Purpose', 'purpose'],
  contact: ['連絡先', 'Contact', 'contact'],
  deadline: ['期限', 'Deadline', 'deadline'],
  sender: ['差出人', 'From', 'actor'],
  requestedBy: ['依頼者', 'Requested by', 'actor'],
  sentBackBy: ['差戻し者', 'Sent back by', 'actor'],
  partner: ['連携先', 'Partner site', 'where'],
  channel: ['チャンネル', 'Channel', 'where'],
  url: ['URL', 'Link', 'url'],
} as const satisfies Record<string, readonly [string, string, NoticeField]>
type Line = keyof typeof lines

interface Builtin {
  /** Japanese subject and first line, English subject and first line. */
  readonly ja: readonly [string, string]
  readonly en: readonly [string, string]
  readonly lines: readonly Line[]
}

const schedule: readonly Line[] = [
  'when',
  'changedOn',
  'changedBy',
  'registeredFor',
  'title',
  'place',
  'body',
]
const decided: readonly Line[] = ['when', 'decidedOn', 'approver', 'registeredFor', 'title', 'place', 'body']
const facility: readonly Line[] = [
  'when',
  'facility',
  'changedOn',
  'reservedBy',
  'registeredFor',
  'title',
  'body',
]

const builtins: Readonly<Record<NoticeKind, Builtin>> = {
  'schedule.added': {
    ja: ['スケジュール: 予定が追加されました', '下記の内容で予定を追加しました。'],
    en: ['Schedule: an event was added', 'The following event was added.'],
    lines: ['when', 'addedOn', 'addedBy', 'registeredFor', 'title', 'place', 'body'],
  },
  'schedule.changed': {
    ja: ['スケジュール: 予定が変更されました', '下記の内容で予定を変更しました。'],
    en: ['Schedule: an event was changed', 'The event was changed as follows.'],
    lines: [...schedule, 'oldWhen'],
  },
  'schedule.deleted': {
    ja: ['スケジュール: 予定が削除されました', '下記の予定を削除しました。'],
    en: ['Schedule: an event was deleted', 'The following event was deleted.'],
    lines: ['when', 'deletedOn', 'deletedBy', 'registeredFor', 'title', 'place', 'body'],
  },
  'schedule.approved': {
    ja: ['スケジュール: 承認依頼が承認されました', '下記の予定の承認依頼が承認されました。'],
    en: [
      'Schedule: your request was approved',
      'Your approval request for the following event was approved.',
    ],
    lines: decided,
  },
  'schedule.denied': {
    ja: ['スケジュール: 承認依頼が否認されました', '下記の予定の承認依頼が否認されました。'],
    en: ['Schedule: your request was denied', 'Your approval request for the following event was denied.'],
    lines: decided,
  },
  'facility.added': {
    ja: ['設備予約: 設備が予約されました', '下記の内容で設備を予約しました。'],
    en: ['Facility: a reservation was added', 'The following facility was reserved.'],
    lines: facility,
  },
  'facility.changed': {
    ja: ['設備予約: 予約が変更されました', '下記の内容で設備の予約を変更しました。'],
    en: ['Facility: a reservation was changed', 'The facility reservation was changed as follows.'],
    lines: [...facility, 'oldWhen'],
  },
  'facility.deleted': {
    ja: ['設備予約: 予約が削除されました', '下記の設備の予約を削除しました。'],
    en: ['Facility: a reservation was deleted', 'The following facility reservation was deleted.'],
    lines: ['when', 'facility', 'deletedOn', 'deletedBy', 'registeredFor', 'title', 'body'],
  },
  'facility.approved': {
    ja: ['設備予約: 承認依頼が承認されました', '下記の設備予約の承認依頼が承認されました。'],
    en: [
      'Facility: your request was approved',
      'Your approval request for the following reservation was approved.',
    ],
    lines: ['when', 'facility', 'decidedOn', 'approver', 'registeredFor', 'title', 'body'],
  },
  'facility.denied': {
    ja: ['設備予約: 承認依頼が否認されました', '下記の設備予約の承認依頼が否認されました。'],
    en: [
      'Facility: your request was denied',
      'Your approval request for the following reservation was denied.',
    ],
    lines: ['when', 'facility', 'decidedOn', 'approver', 'registeredFor', 'title', 'body'],
  },
  'facility.tentative-added': {
    ja: ['設備予約: 仮予約が追加されました', '下記の内容で設備を仮予約しました。'],
    en: ['Facility: a tentative reservation was added', 'The following facility was reserved tentatively.'],
    lines: facility,
  },
  'facility.confirmed': {
    ja: ['設備予約: 本予約に変更されました', '下記の仮予約を本予約に変更しました。'],
    en: ['Facility: a reservation was confirmed', 'The following tentative reservation is now confirmed.'],
    lines: facility,
  },
  'facility.tentative-deleted': {
    ja: ['設備予約: 仮予約が削除されました', '下記の仮予約を削除しました。'],
    en: ['Facility: a tentative reservation was deleted', 'The following tentative reservation was deleted.'],
    lines: ['when', 'facility', 'deletedOn', 'deletedBy', 'registeredFor', 'title', 'body'],
  },
  'todo.added': {
    ja: ['ToDo: タスクが追加されました', '下記の内容でタスクを追加しました。'],
    en: ['ToDo: a task was added', 'The following task was added.'],
    lines: ['task', 'deadline', 'addedOn', 'addedBy', 'registeredFor', 'body'],
  },
  'todo.changed': {
    ja: ['ToDo: タスクが変更されました', '下記の内容でタスクを変更しました。'],
    en: ['ToDo: a task was changed', 'The task was changed as follows.'],
    lines: ['task', 'deadline', 'changedOn', 'changedBy', 'registeredFor', 'body'],
  },
  'message.created': {
    ja: ['伝言・所在: {{actor}}さんより伝言', '伝言・所在: {{actor}}さんより伝言'],
    en: ['Messages: a message from {{actor}}', 'Messages: a message from {{actor}}'],
    lines: ['when', 'requester', 'purpose', 'contact', 'body'],
  },
  'message.changed': {
    ja: [
      '伝言・所在: {{actor}}さんの伝言が変更されました',
      '伝言・所在: {{actor}}さんの伝言が変更されました',
    ],
    en: ['Messages: a message from {{actor}} was changed', 'Messages: a message from {{actor}} was changed'],
    lines: ['when', 'requester', 'purpose', 'contact', 'body'],
  },
  'circulation.unconfirmed': {
    ja: ['回覧・レポート: 未確認の回覧があります', '下記の回覧・レポートが未確認です。確認してください。'],
    en: ['Circulation: not yet confirmed', 'You have not confirmed the following circulation or report yet.'],
    lines: ['subject', 'sender', 'deadline', 'body', 'url'],
  },
  'survey.unanswered': {
    ja: ['アンケート: 未回答のアンケートがあります', '下記のアンケートが未回答です。回答してください。'],
    en: ['Survey: not yet answered', 'You have not answered the following survey yet.'],
    lines: ['survey', 'sender', 'deadline', 'body', 'url'],
  },
  'information.approval-requested': {
    ja: ['インフォメーション: 承認依頼があります', '下記のインフォメーションの承認を依頼されました。'],
    en: ['Information: approval requested', 'You are asked to approve the following information.'],
    lines: ['subject', 'requestedBy', 'when', 'body', 'url'],
  },
  'information.sent-back': {
    ja: ['インフォメーション: 差し戻されました', '下記のインフォメーションが差し戻されました。'],
    en: ['Information: sent back', 'The following information was sent back to you.'],
    lines: ['subject', 'sentBackBy', 'when', 'body', 'url'],
  },
  'directory.account': {
    ja: ['アカウント: アカウントが変更されました', '下記の内容でアカウントを登録・変更しました。'],
    en: ['Account: your account was changed', 'Your account was added or changed as follows.'],
    lines: ['when', 'changedBy', 'place', 'body'],
  },
  'link.received': {
    ja: ['拠点連携: 予定を受け取りました', '連携先から下記の予定を受け取りました。'],
    en: ['Site link: an event was received', 'The following event was received from a partner site.'],
    lines: ['partner', 'when', 'title', 'registeredFor', 'body'],
  },
  'chat.message': {
    ja: ['{{actor}}さんからの新着メッセージ', '{{actor}}さんからの新着メッセージ'],
    en: ['New message from {{actor}}', 'New message from {{actor}}'],
    lines: ['when', 'channel', 'body', 'url'],
  },
}

/** The built-in subject and body of one kind in one language. */
export function builtinTemplate(
  kind: NoticeKind,
  language: NoticeLanguage,
): { readonly subject: string; readonly body: string } {
  const builtin = builtins[kind]
  const [subject, lead] = builtin[language]
  const at = language === 'ja' ? 0 : 1
  const body = [lead, ...builtin.lines.map((l) => `${lines[l][at]}: {{${lines[l][2]}}}`)].join('\n')
  return { subject, body }
}
