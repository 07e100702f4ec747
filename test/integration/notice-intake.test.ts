/**
 * The notice relay's intake in a real core over a home directory imported from CSV: events taken in through the
 * API, addressees resolved, opt-in applied, inbox rows and (with the core part over the same data directory and
 * its own target list, while the targets part is built elsewhere) one message per target of the right role.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createNoticeCore } from '../../src/main/core/engines/notices/notice-core'
import { noticeContextFor, noticeTargetsOf } from '../support/notice-context'
import { openNoticeHome, refusal, seedMessage, type NoticeHome } from '../support/notice-home'

let home: NoticeHome
beforeEach(async () => {
  home = await openNoticeHome('renkei-notice-intake-')
})
afterEach(() => home.close())

describe('notice intake', () => {
  it('takes an event in once: a repeat adds nothing, unknown and retired addressees are reported, an opt-out is respected', async () => {
    const first = await home.core.api['notice.events.ingest']({ event: seedMessage })
    expect(first).toMatchObject({
      accepted: true,
      addressees: ['E0001', 'E0002', 'E0003', 'E0004'],
      unknownAddressees: ['nobody@example.jp'],
      optedIn: 2,
    })
    expect(home.inbox.map((n) => [n.employeeKey, n.notice.subject])).toEqual([
      ['E0001', '伝言・所在: 中野愛さんより伝言'],
      ['E0004', '伝言・所在: 中野愛さんより伝言'],
    ])
    expect(home.inbox[0]!.notice.text).toContain('要件: 折り返し電話をください\n連絡先: XXX-XXXX\n内容: ---')

    const again = await home.core.api['notice.events.ingest']({
      event: { ...seedMessage, fields: { actor: '別人' } },
    })
    expect(again).toMatchObject({ accepted: false, eventRow: first.eventRow, optedIn: 0, queued: 0 })
    expect(home.inbox).toHaveLength(2)
    const page = await home.core.api['notice.events.list']({})
    expect(page.events.map((e) => [e.eventId, e.title, e.unknownAddressees])).toEqual([
      ['dneo-msg-1001', '中野愛', ['nobody@example.jp']],
    ])
    expect(page.events[0]!.occurredAt).toBe(Date.parse('2022-12-20T07:08:00Z'))

    const history = await home.core.api['history.search']({ filter: { category: 'notices' }, limit: 10 })
    expect(history.entries).toHaveLength(1)
    expect(history.entries[0]).toMatchObject({ level: 'warning' })
    expect(history.entries[0]!.message).toContain('ホームディレクトリにない宛先: nobody@example.jp')
    expect(history.entries[0]!.message).toContain('無効な社員なので送りません: E0003')
    expect(history.entries[0]!.messageEn).toContain('addressees not in the home directory: nobody@example.jp')
  })

  it('refuses a bad event (ja/en) and records nothing', async () => {
    const bad = await refusal(
      home.core.api['notice.events.ingest']({ event: { ...seedMessage, occurredAt: '2022-12-20 16:08' } }),
    )
    expect(bad.localized.ja).toContain('オフセット付きの ISO 8601')
    expect(bad.localized.en).toContain('ISO 8601 with an offset')
    expect((await home.core.api['notice.events.list']({})).events).toEqual([])
    expect(home.inbox).toEqual([])
  })

  it('queues one message per opted-in person and target of the right role; no e-mail address → dropped and said why', async () => {
    await home.core.close()
    const ctx = noticeContextFor(home.dir, () => home.clock.now())
    let wakes = 0
    const part = createNoticeCore(ctx, {
      targets: noticeTargetsOf([
        { id: 'mail', name: 'メール', kind: 'smtp', recipient: '{email}' },
        { id: 'chat', name: 'XMPP', kind: 'xmpp', recipient: '{login}@chat.example.jp' },
        { id: 'back', name: 'グループウェア', kind: 'groupware', role: 'groupware', recipient: 'notice@gw' },
        { id: 'off', name: '停止中', kind: 'slack', enabled: false },
      ]),
      queue: { wake: () => wakes++ },
    })
    try {
      const first = part.intake.ingest('dneo', seedMessage)
      expect(part.intake.ingest('dneo', seedMessage).accepted).toBe(false)
      expect(first).toMatchObject({ accepted: true, optedIn: 2, queued: 3 })
      expect(wakes).toBe(1)
      const rows = ctx.db
        .prepare('SELECT target_id, employee_key, address, state, error FROM notice_messages ORDER BY id')
        .all()
      expect(rows).toEqual([
        {
          target_id: 'mail',
          employee_key: 'E0001',
          address: 'yamada@example.jp',
          state: 'pending',
          error: null,
        },
        {
          target_id: 'chat',
          employee_key: 'E0001',
          address: 'yamada@chat.example.jp',
          state: 'pending',
          error: null,
        },
        {
          target_id: 'mail',
          employee_key: 'E0004',
          address: '',
          state: 'dropped',
          error: JSON.stringify({ ja: 'メールアドレスがありません', en: 'no e-mail address' }),
        },
        {
          target_id: 'chat',
          employee_key: 'E0004',
          address: 'kato@chat.example.jp',
          state: 'pending',
          error: null,
        },
      ])
      const detail = await part.handlers['notice.events.get']({ row: first.eventRow })
      expect(detail.event.messages).toEqual({ pending: 3, sent: 0, 'set-aside': 0, dropped: 1 })
      expect(detail.messages.map((m) => [m.employeeName, m.state])).toContainEqual(['加藤 桃子', 'dropped'])
      // What the queue renders for a 'ja-en' target: Japanese then English in one message.
      const both = part.renderer.render('message.created', 'ja-en', seedMessage.fields, '山田 太郎')
      expect(both.subject).toBe('伝言・所在: 中野愛さんより伝言 / Messages: a message from 中野愛')
      expect(both.text).toMatch(
        /^伝言・所在: 中野愛さんより伝言\n[^]*内容: ---\n\nMessages: a message from 中野愛\n/,
      )
      expect(both.text).toContain('Purpose: 折り返し電話をください')
      // The way back (a chat message to the groupware) goes to the groupware target only.
      const chat = part.intake.ingest('chat', {
        id: 'c1',
        kind: 'chat.message',
        addressees: ['E0001'],
        fields: { actor: '中野愛', body: '資料を共有しました' },
      })
      expect(chat.optedIn).toBe(0)
    } finally {
      part.close()
      ctx.db.close()
    }
  })
})
