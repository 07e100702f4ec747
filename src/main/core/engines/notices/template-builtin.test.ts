import { describe, expect, it } from 'vitest'
import { noticeKinds, noticeLanguages } from '../../../../shared/model/notices'
import { builtinTemplate } from './template-builtin'
import { parseTemplate } from './template-parser'
import { sampleFields } from './template-samples'
import { fillMessage, templateProblems } from './template-store'

describe('built-in notice templates', () => {
  it.each(noticeKinds.flatMap((kind) => noticeLanguages.map((language) => [kind, language] as const)))(
    '%s (%s) has no problems and fills every placeholder from its sample',
    (kind, language) => {
      const template = builtinTemplate(kind, language)
      expect(templateProblems(template.subject, template.body)).toEqual([])
      const { subject, text } = fillMessage(template, sampleFields[kind])
      expect(subject).not.toMatch(/\{\{|\}\}|\n/)
      expect(text).not.toMatch(/\{\{|\}\}/)
      expect(text.split('\n').length).toBeGreaterThan(2)
      // Japanese templates speak Japanese; English ones have no Japanese of their own.
      expect(/[ぁ-んァ-ン一-龯]/.test(template.subject + template.body)).toBe(language === 'ja')
    },
  )

  it("prints seed ⑥'s schedule sample verbatim, with 「---」 for the missing place", () => {
    const { subject, text } = fillMessage(
      builtinTemplate('schedule.changed', 'ja'),
      sampleFields['schedule.changed'],
    )
    expect(subject).toBe('スケジュール: 予定が変更されました')
    expect(text).toMatch(
      new RegExp(
        '^' +
          [
            '下記の内容で予定を変更しました。',
            '日時: 2022/12/20 11:00 ~ 2022/12/20 12:00',
            '変更日: 2022/12/20',
            '変更者: 加藤桃子',
            '登録先: 山田太郎, 加藤桃子',
            '予定: 定例会議 / 打ち合わせ',
            '場所: ---',
            '内容: 来年度予算について',
          ].join('\n'),
      ),
    )
  })

  it("prints seed ⑥'s 伝言 sample verbatim, with 「---」 for the missing 内容", () => {
    const { subject, text } = fillMessage(
      builtinTemplate('message.created', 'ja'),
      sampleFields['message.created'],
    )
    expect(subject).toBe('伝言・所在: 中野愛さんより伝言')
    expect(text).toBe(
      [
        '伝言・所在: 中野愛さんより伝言',
        '日時: 2022年12月20日 火曜日 16:08',
        '依頼主: ○○株式会社 鈴木様',
        '要件: 折り返し電話をください',
        '連絡先: XXX-XXXX',
        '内容: ---',
      ].join('\n'),
    )
  })
})

describe('template parser', () => {
  const body = { ja: '本文', en: 'Body' }

  it('names an unknown field with its line and column, in Japanese and English', () => {
    const { problems } = parseTemplate('下記の内容\n日時: {{ whenn }}', body)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.ja).toContain('本文 2 行 5 列')
    expect(problems[0]!.ja).toContain('「whenn」という項目はありません')
    expect(problems[0]!.en).toContain('Body line 2, column 5')
    expect(problems[0]!.en).toContain('there is no field "whenn"')
  })

  it('reports an unclosed {{ (also one closed only on a later line) and a stray }}', () => {
    const { problems } = parseTemplate('a {{title\n}} b\nc }}', body)
    expect(problems.map((p) => p.en)).toEqual([
      'Body line 1, column 3: a "{{" is not closed by "}}" on the same line',
      'Body line 2, column 1: a "}}" without a matching "{{"',
      'Body line 3, column 3: a "}}" without a matching "{{"',
    ])
  })

  it('fills missing and empty values with 「---」 and keeps a subject on one line', () => {
    const template = { subject: '{{title}} / {{place}}', body: '{{title}}\n{{place}}\n{{recipientName}}さん' }
    const filled = fillMessage(template, { title: '定例\n会議', place: '  ', recipientName: '山田' })
    expect(filled.subject).toBe('定例 会議 / ---')
    expect(filled.text).toBe('定例\n会議\n---\n山田さん')
  })

  it('refuses a line break in a subject', () => {
    expect(templateProblems('件名\n二行目', '').map((p) => p.en)).toEqual([
      'The subject cannot contain a line break',
    ])
  })
})
