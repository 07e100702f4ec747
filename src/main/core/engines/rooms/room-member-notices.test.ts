import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../shared/model/errors'
import {
  planNoticeSend,
  registerCommunityCreated,
  registerMembersAdded,
  type DirectoryPerson,
  type MembersAddedInput,
} from './room-member-notices'

const person = (id: string, email: string | null): [string, DirectoryPerson] => [id, { id, email }]
/** ユーザA is in the directory; ユーザB is not (table F-3). */
const directory = new Map([
  person('ユーザA', 'a@example.co.jp'),
  person('owner', 'owner@example.co.jp'),
  person('member', 'member@example.co.jp'),
  person('noMail', null),
])
const now = new Date('2026-12-03T01:00:00Z')
const added = (addedMembers: string[], more: Partial<MembersAddedInput> = {}) =>
  registerMembersAdded({
    eventId: 'ev-1',
    communityCode: 'G-PLAN',
    existingMembers: ['owner', 'member'],
    addedMembers,
    roomState: { before: 'in-session', after: 'in-session' },
    parameters: { memberNoticeDefault: true },
    directory,
    now,
    ...more,
  })

describe('table F-3: who counts as an added member', () => {
  it('ユーザA (in the directory): a notice that ユーザA was added, to the new and the existing members', () => {
    const { notices, notCounted } = added(['ユーザA'])
    expect(notices).toEqual([
      {
        id: 'ev-1#members-added',
        communityCode: 'G-PLAN',
        cause: 'members-added',
        addedMembers: ['ユーザA'],
        recipients: [
          { userId: 'ユーザA', email: 'a@example.co.jp' },
          { userId: 'owner', email: 'owner@example.co.jp' },
          { userId: 'member', email: 'member@example.co.jp' },
        ],
        registeredAt: '2026-12-03T01:00:00.000Z',
      },
    ])
    expect(notCounted).toEqual([])
  })

  it('ユーザB (not in the directory): no notice', () => {
    const result = added(['ユーザB'])
    expect(result.notices).toEqual([])
    expect(result.notCounted).toEqual(['ユーザB'])
    expect(result.outcome.en).toBe('no notice: none of the added people is in the directory')
  })

  it('ユーザA and ユーザB: a notice that ユーザA was added, ユーザB named nowhere', () => {
    const { notices, notCounted } = added(['ユーザA', 'ユーザB'])
    expect(notices.map((n) => n.addedMembers)).toEqual([['ユーザA']])
    expect(notices[0]?.recipients.map((r) => r.userId)).toEqual(['ユーザA', 'owner', 'member'])
    expect(notCounted).toEqual(['ユーザB'])
  })
})

describe('F (4): when a member-added notice is registered', () => {
  it('registers none while the member-notice parameter is off', () => {
    const result = added(['ユーザA'], { parameters: { memberNoticeDefault: false } })
    expect(result.notices).toEqual([])
    expect(result.outcome.ja).toBe('メンバ追加お知らせ機能デフォルト値 がオフのため通知しません')
  })

  it('registers none for a 準備中 room, also when the members are added and the room opened together', () => {
    expect(added(['ユーザA'], { roomState: { before: 'preparing', after: 'preparing' } }).notices).toEqual([])
    const together = added(['ユーザA'], { roomState: { before: 'preparing', after: 'in-session' } })
    expect(together.notices).toEqual([])
    expect(together.outcome.en).toContain('準備中')
  })

  it('skips and lists members it cannot mail: no e-mail address, or not in the directory', () => {
    const result = added(['ユーザA', 'noMail'], { existingMembers: ['owner', 'left-directory'] })
    expect(result.notices[0]?.addedMembers).toEqual(['ユーザA', 'noMail'])
    expect(result.notices[0]?.recipients.map((r) => r.userId)).toEqual(['ユーザA', 'owner'])
    expect(result.skipped).toEqual([
      { userId: 'noMail', reason: 'no-email' },
      { userId: 'left-directory', reason: 'not-in-directory' },
    ])
  })

  it('gives the same notice id for the same event, so a replay registers nothing new', () => {
    expect(added(['ユーザA']).notices.map((n) => n.id)).toEqual(added(['ユーザA']).notices.map((n) => n.id))
    expect(added(['ユーザA'], { eventId: 'ev-2' }).notices[0]?.id).toBe('ev-2#members-added')
  })

  it('refuses an event without an id or community code, in ja and en', () => {
    expect(() => added(['ユーザA'], { eventId: ' ', communityCode: '' })).toThrow(ApiError)
    expect(() => added(['ユーザA'], { eventId: '' })).toThrow(
      'cannot register the member notice: the event id is empty',
    )
  })
})

describe('F (c): a community created with its members at once', () => {
  const created = (oneMailOnCreate: boolean, roomState: 'in-session' | 'preparing' = 'in-session') =>
    registerCommunityCreated({
      eventId: 'ev-c',
      communityCode: 'G-NEW',
      members: ['owner', 'member', 'ユーザA'],
      roomState,
      parameters: { memberNoticeDefault: true },
      directory,
      now,
      oneMailOnCreate,
    })
  const mailsPerMember = (oneMailOnCreate: boolean): Record<string, number> => {
    const { mails } = planNoticeSend(created(oneMailOnCreate).notices, new Set(['G-NEW']))
    const counts: Record<string, number> = {}
    for (const mail of mails) counts[mail.to] = (counts[mail.to] ?? 0) + 1
    return counts
  }

  it('sends every member two mails, as the seed documents', () => {
    expect(created(false).notices.map((n) => n.cause)).toEqual(['community-created', 'members-added'])
    expect(mailsPerMember(false)).toEqual({
      'owner@example.co.jp': 2,
      'member@example.co.jp': 2,
      'a@example.co.jp': 2,
    })
  })

  it('sends one mail each with the oneMailOnCreate setting', () => {
    expect(mailsPerMember(true)).toEqual({
      'owner@example.co.jp': 1,
      'member@example.co.jp': 1,
      'a@example.co.jp': 1,
    })
  })

  it('sends none when the room is created 準備中', () => {
    expect(created(false, 'preparing').notices).toEqual([])
  })
})

describe('「通知メールを送信」: what is sent', () => {
  it('drops and reports a notice whose community was deleted after registration, and sends the others', () => {
    const deleted = added(['ユーザA'], { eventId: 'ev-gone', communityCode: 'G-GONE' }).notices
    const alive = added(['ユーザA']).notices
    const { mails, dropped } = planNoticeSend([...deleted, ...alive], new Set(['G-PLAN']))
    expect(dropped).toEqual([
      {
        noticeId: 'ev-gone#members-added',
        communityCode: 'G-GONE',
        reason: {
          ja: 'コミュニティ G-GONE が削除されたため送信しません',
          en: 'not sent: the community G-GONE no longer exists',
        },
      },
    ])
    expect(mails).toEqual([
      { noticeId: 'ev-1#members-added', communityCode: 'G-PLAN', userId: 'ユーザA', to: 'a@example.co.jp' },
      { noticeId: 'ev-1#members-added', communityCode: 'G-PLAN', userId: 'owner', to: 'owner@example.co.jp' },
      {
        noticeId: 'ev-1#members-added',
        communityCode: 'G-PLAN',
        userId: 'member',
        to: 'member@example.co.jp',
      },
    ])
  })
})
