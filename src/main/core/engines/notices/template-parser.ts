import type { Localized } from '../../../../shared/model/localized'
import {
  missingFieldText,
  noticeFields,
  noticeRecipientFields,
  type NoticeField,
} from '../../../../shared/model/notices'

/** A template cut into literal text and `{{name}}` placeholders. */
export type TemplatePart = { readonly text: string } | { readonly name: string }

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[]
  /** Empty when the template is valid; each names its line and column (ja/en). */
  readonly problems: readonly Localized[]
}

const knownNames: ReadonlySet<string> = new Set<string>([...noticeFields, ...noticeRecipientFields])

/** Where a part of a template is: 「件名」 / 「本文」. */
export interface TemplatePlace {
  readonly ja: string
  readonly en: string
}

function position(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index)
  const line = before.split('\n').length
  return { line, column: index - before.lastIndexOf('\n') }
}

function problemAt(place: TemplatePlace, source: string, index: number, what: Localized): Localized {
  const { line, column } = position(source, index)
  return {
    ja: `${place.ja} ${line} 行 ${column} 列: ${what.ja}`,
    en: `${place.en} line ${line}, column ${column}: ${what.en}`,
  }
}

/**
 * Reads `{{name}}` placeholders (spaces inside the braces allowed). A placeholder ends on its own line: an
 * `{{` without `}}` before the line ends is unclosed; a `}}` with no `{{` is stray; a name that is neither a
 * notice field nor `recipientName` is unknown (a typo must not print 「---」 in every message).
 */
export function parseTemplate(source: string, place: TemplatePlace): ParsedTemplate {
  const parts: TemplatePart[] = []
  const problems: Localized[] = []
  let literal = ''
  let i = 0
  while (i < source.length) {
    const open = source.indexOf('{{', i)
    const stray = source.indexOf('}}', i)
    if (stray !== -1 && (open === -1 || stray < open)) {
      problems.push(
        problemAt(place, source, stray, {
          ja: '対応する「{{」のない「}}」があります',
          en: 'a "}}" without a matching "{{"',
        }),
      )
      literal += source.slice(i, stray + 2)
      i = stray + 2
      continue
    }
    if (open === -1) {
      literal += source.slice(i)
      break
    }
    literal += source.slice(i, open)
    const lineEnd = source.indexOf('\n', open) === -1 ? source.length : source.indexOf('\n', open)
    const close = source.indexOf('}}', open + 2)
    if (close === -1 || close > lineEnd) {
      problems.push(
        problemAt(place, source, open, {
          ja: '「{{」が同じ行の「}}」で閉じられていません',
          en: 'a "{{" is not closed by "}}" on the same line',
        }),
      )
      literal += source.slice(open, lineEnd)
      i = lineEnd
      continue
    }
    const name = source.slice(open + 2, close).trim()
    if (!knownNames.has(name)) {
      problems.push(
        problemAt(place, source, open, {
          ja: `「${name}」という項目はありません（使える項目: ${[...knownNames].join(', ')}）`,
          en: `there is no field "${name}" (fields: ${[...knownNames].join(', ')})`,
        }),
      )
    }
    if (literal) parts.push({ text: literal })
    literal = ''
    parts.push({ name })
    i = close + 2
  }
  if (literal) parts.push({ text: literal })
  return { parts, problems }
}

export type TemplateValues = Readonly<Partial<Record<NoticeField | 'recipientName', string>>>

/** Fills the placeholders; a missing or empty value (or an unknown name) prints 「---」 as in the seed. */
export function fillTemplate(
  parts: readonly TemplatePart[],
  values: TemplateValues,
  oneLine = false,
): string {
  return parts
    .map((part) => {
      if ('text' in part) return part.text
      const value = (values as Record<string, string | undefined>)[part.name]?.trim()
      const text = value ? value : missingFieldText
      // A subject is one line: a value with line breaks must not start a second header.
      return oneLine ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text
    })
    .join('')
}
