import { describe, expect, it } from 'vitest'
import { type CommunityView, type RoomPreview } from '../../shared/model/rooms'
import { UsageError } from './cli-output'
import { communitiesText, limitOf, previewText } from './room-output'

const community: CommunityView = {
  code: 'comm-sales',
  source: 'directory',
  name: '営業部会',
  nameEn: 'Sales',
  creator: 'u0001',
  creatorName: '山田 太郎',
  members: 3,
  deletedAt: null,
  room: null,
}

describe('renkei rooms output', () => {
  it('takes --limit 1 to 500 and refuses anything else in both languages', () => {
    expect(limitOf('1')).toBe(1)
    expect(limitOf('500')).toBe(500)
    for (const bad of ['0', '501', 'abc', '1.5', '', '-3']) {
      expect(() => limitOf(bad)).toThrow(UsageError)
    }
    const refusal = (() => {
      try {
        return limitOf('0')
      } catch (error) {
        return (error as UsageError).text
      }
    })()
    expect(refusal).toEqual({
      ja: expect.stringContaining('1 から 500'),
      en: expect.stringContaining('1 to 500'),
    })
  })

  it('says when a community has no room yet, and how to read the next page', () => {
    const text = communitiesText({ communities: [community], nextAfter: 'comm-sales' })
    expect(text).toContain('comm-sales  営業部会 / Sales  (directory, 3 members)')
    expect(text).toContain('no room yet / 会議室なし')
    expect(text).toContain('more: --after comm-sales')
    expect(communitiesText({ communities: [], nextAfter: null })).toContain('no communities')
  })

  it('prints each value with its rule in both languages, and who loses per-user data', () => {
    const preview: RoomPreview = {
      changes: [
        {
          communityCode: 'comm-sales',
          action: 'remove-members',
          summary: { ja: 'メンバを 1 人削除', en: 'removes 1 member' },
          removesUserData: ['u0003'],
        },
      ],
      defaults: {
        settings: {} as never,
        rows: [
          {
            item: 3,
            field: 'state',
            label: { ja: '会議室状態', en: 'room state' },
            value: 'in-session',
            rule: { ja: 'システムパラメタ: 会議中', en: 'system parameter: in session' },
          },
        ],
      },
      skipped: [],
      problems: [],
    }
    const text = previewText(preview)
    expect(text).toContain(' 3. 会議室状態 / room state: in-session')
    expect(text).toContain('    system parameter: in session')
    expect(text).toContain('個人データを削除: u0003')
  })
})
