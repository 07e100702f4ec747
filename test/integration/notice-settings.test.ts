/** The notice relay's opt-in matrix, templates and settings as an admin sets them, in a real core. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openNoticeHome, refusal, seedMessage, type NoticeHome } from '../support/notice-home'

let home: NoticeHome
beforeEach(async () => {
  home = await openNoticeHome('renkei-notice-settings-')
})
afterEach(() => home.close())

describe('notice opt-in, templates and settings', () => {
  it('shows each person the kinds in effect and where they come from; unknown codes are refused and change nothing', async () => {
    await home.core.api['notice.optins.set']({
      scope: 'department',
      code: 'SALES',
      kinds: ['todo.added'],
      enabled: true,
    })
    await home.core.api['notice.optins.set']({
      scope: 'group',
      code: '営業プロジェクト',
      kinds: ['todo.added'],
      enabled: false,
    })
    const page = await home.core.api['notice.optins.get']({})
    const row = (key: string) => page.rows.find((r) => r.employeeKey === key)!
    expect(row('E0001')).toMatchObject({ on: ['message.created'], own: [] })
    expect(row('E0002')).toMatchObject({ on: ['todo.added'], own: ['message.created'] })
    expect(row('E0004').on).toEqual(['todo.added', 'message.created'])
    expect(page.rules).toHaveLength(3)

    for (const [scope, code] of [
      ['employee', 'E9999'],
      ['group', 'nope'],
      ['department', 'NOPE'],
      ['everyone', 'x'],
    ] as const) {
      const error = await refusal(
        home.core.api['notice.optins.set']({ scope, code, kinds: ['todo.added'], enabled: true }),
      )
      expect(error.localized.ja).toContain('何も変更していません')
      expect(error.localized.en).toContain('Nothing was changed')
    }
    expect((await home.core.api['notice.optins.get']({})).rules).toEqual(page.rules)
    const removed = await home.core.api['notice.optins.set']({
      scope: 'group',
      code: '営業プロジェクト',
      kinds: ['todo.added'],
      enabled: null,
    })
    expect(removed.rows.find((r) => r.employeeKey === 'E0001')!.on).toEqual(['todo.added', 'message.created'])
  })

  it('refuses a template with problems at save (line and column), previews it, and uses a saved one', async () => {
    const broken = {
      kind: 'message.created' as const,
      language: 'ja' as const,
      subject: '伝言',
      body: '依頼主: {{requestor}}\n{{when',
    }
    const error = await refusal(home.core.api['notice.templates.save'](broken))
    expect(error.localized.ja).toContain('本文 1 行 6 列')
    expect(error.localized.en).toContain('Body line 2, column 1')
    const preview = await home.core.api['notice.templates.preview'](broken)
    expect(preview.problems).toHaveLength(2)
    expect(preview.text).toBe('依頼主: ---\n{{when')
    expect((await home.core.api['notice.templates.list']({})).every((t) => !t.custom)).toBe(true)

    await home.core.api['notice.templates.save']({
      ...broken,
      subject: '{{recipientName}}さんへ伝言',
      body: '依頼主: {{requester}}',
    })
    await home.core.api['notice.events.ingest']({ event: seedMessage })
    expect(home.inbox[0]!.notice).toMatchObject({
      subject: '山田 太郎さんへ伝言',
      text: '依頼主: ○○株式会社 鈴木様',
    })
    const reset = await home.core.api['notice.templates.reset']({ kind: 'message.created', language: 'ja' })
    expect(reset).toMatchObject({ custom: false, subject: '伝言・所在: {{actor}}さんより伝言' })
  })

  it('checks portal origins whole: a bad one changes nothing', async () => {
    const error = await refusal(
      home.core.api['notice.settings.update']({
        portalOrigins: ['https://portal.example.co.jp', 'https://gw/dneo'],
      }),
    )
    expect(error.localized.ja).toContain('portalOrigins[1]')
    expect(error.localized.en).toContain('"https://gw/dneo" is not a portal origin')
    expect((await home.core.api['notice.settings.get']({})).portalOrigins).toEqual([])
    const saved = await home.core.api['notice.settings.update']({
      portalOrigins: ['https://portal.example.co.jp'],
    })
    expect(saved.portalOrigins).toEqual(['https://portal.example.co.jp'])
  })
})
