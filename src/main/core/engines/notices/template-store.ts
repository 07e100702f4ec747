import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeKinds,
  noticeLanguages,
  type NoticeKind,
  type NoticeLanguage,
  type NoticePreview,
  type NoticeTemplate,
  type NoticeTemplateInput,
} from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeRenderer } from './notice-ports'
import { builtinTemplate } from './template-builtin'
import { fillTemplate, parseTemplate, type TemplateValues } from './template-parser'
import { sampleFields, sampleRecipientName } from './template-samples'

const subjectPlace = { ja: '件名', en: 'Subject' }
const bodyPlace = { ja: '本文', en: 'Body' }

/** Every problem of a subject and body, with line and column; empty when both can be used. */
export function templateProblems(subject: string, body: string): Localized[] {
  const problems = [
    ...parseTemplate(subject, subjectPlace).problems,
    ...parseTemplate(body, bodyPlace).problems,
  ]
  if (/[\r\n]/.test(subject))
    problems.unshift({ ja: '件名に改行は使えません', en: 'The subject cannot contain a line break' })
  return problems
}

/** A subject and body filled in (a subject is kept on one line whatever its values hold). */
export function fillMessage(
  template: { readonly subject: string; readonly body: string },
  values: TemplateValues,
): { readonly subject: string; readonly text: string } {
  return {
    subject: fillTemplate(parseTemplate(template.subject, subjectPlace).parts, values, true),
    text: fillTemplate(parseTemplate(template.body, bodyPlace).parts, values),
  }
}

interface TemplateRow {
  subject: string
  body: string
  updated_at: number
}

/** Templates: the admin's text in table notice_templates, the built-in seed wording otherwise. */
export function createTemplates(ctx: NoticeContext): {
  readonly renderer: NoticeRenderer
  readonly handlers: NoticeHandlers<
    'notice.templates.list' | 'notice.templates.save' | 'notice.templates.reset' | 'notice.templates.preview'
  >
} {
  const select = ctx.db.prepare(
    'SELECT subject, body, updated_at FROM notice_templates WHERE kind = ? AND language = ?',
  )
  const current = (kind: NoticeKind, language: NoticeLanguage): NoticeTemplate => {
    const row = select.get(kind, language) as TemplateRow | undefined
    if (row)
      return { kind, language, subject: row.subject, body: row.body, custom: true, updatedAt: row.updated_at }
    return { kind, language, ...builtinTemplate(kind, language), custom: false, updatedAt: null }
  }
  const renderOne: NoticeRenderer['renderOne'] = (kind, language, fields, recipientName) =>
    fillMessage(current(kind, language), { ...fields, recipientName })
  const label = (kind: NoticeKind, language: NoticeLanguage): string => `${kind} (${language})`

  return {
    renderer: {
      renderOne,
      render: (kind, languages, fields, recipientName) => {
        if (languages !== 'ja-en') return renderOne(kind, languages, fields, recipientName)
        const ja = renderOne(kind, 'ja', fields, recipientName)
        const en = renderOne(kind, 'en', fields, recipientName)
        return { subject: `${ja.subject} / ${en.subject}`, text: `${ja.text}\n\n${en.text}` }
      },
    },
    handlers: {
      'notice.templates.list': async () =>
        noticeKinds.flatMap((kind) => noticeLanguages.map((language) => current(kind, language))),
      'notice.templates.save': async (input: NoticeTemplateInput) => {
        const problems = templateProblems(input.subject, input.body)
        if (problems.length > 0) {
          throw new ApiError('invalid-input', {
            ja: `テンプレート ${label(input.kind, input.language)} を保存できません。何も変更していません（${problems.map((p) => p.ja).join('; ')}）`,
            en: `The template ${label(input.kind, input.language)} cannot be saved; nothing was changed (${problems.map((p) => p.en).join('; ')})`,
          })
        }
        ctx.db
          .prepare(
            `INSERT INTO notice_templates (kind, language, subject, body, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body,
               updated_at = excluded.updated_at`,
          )
          .run(input.kind, input.language, input.subject, input.body, ctx.now())
        writeAudit(ctx.history, {
          ja: `お知らせ通知のテンプレート ${label(input.kind, input.language)} を保存しました`,
          en: `Notice template ${label(input.kind, input.language)} saved`,
        })
        return current(input.kind, input.language)
      },
      'notice.templates.reset': async ({ kind, language }) => {
        const removed = ctx.db
          .prepare('DELETE FROM notice_templates WHERE kind = ? AND language = ?')
          .run(kind, language).changes
        if (removed > 0)
          writeAudit(ctx.history, {
            ja: `お知らせ通知のテンプレート ${label(kind, language)} を標準の文面に戻しました`,
            en: `Notice template ${label(kind, language)} reset to the built-in text`,
          })
        return current(kind, language)
      },
      'notice.templates.preview': async (input): Promise<NoticePreview> => ({
        ...fillMessage(input, { ...sampleFields[input.kind], recipientName: sampleRecipientName }),
        problems: templateProblems(input.subject, input.body),
      }),
    },
  }
}
