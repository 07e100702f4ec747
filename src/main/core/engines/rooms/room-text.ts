import type { Language, Localized } from '../../../../shared/model/localized'
import type { LengthUnit } from '../../../../shared/model/rooms'

/**
 * The fixed texts of table F-2, verbatim from the seed (its Japanese uses ASCII commas, kept as they are).
 * The English description ends with a space in the seed ("Automatically generated conference room "): kept on
 * purpose, so a room Renkei creates reads exactly like one the forum product creates itself.
 */
export const seedTexts = {
  englishNameFallback: 'Conference room',
  abbreviation: 'Conference room',
  description: {
    ja: '自動生成された会議室',
    en: 'Automatically generated conference room ',
  },
  mailHeader: {
    ja: 'このメールは,電子会議室から自動配信されたメールです。',
    en: 'This email was sent automatically from the conference room',
  },
  // The seed prints the English footer on two lines; we read that as a line break in the text.
  mailFooter: {
    ja: 'このメールは,電子会議室の内容を配信しています。詳細は,URLをご参照ください。',
    en: 'This email contents remarks from the conference room.\nFor details, refer to the URL',
  },
} as const satisfies Record<string, string | Readonly<Record<Language, string>>>

export const lengthUnitLabels: Readonly<Record<LengthUnit, Localized>> = {
  characters: { ja: '文字', en: 'characters' },
  'utf8-bytes': { ja: 'バイト (UTF-8)', en: 'UTF-8 bytes' },
}

const encoder = new TextEncoder()
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** The length of a text the way a target counts it: code points ("characters") or UTF-8 bytes. */
export function measure(text: string, unit: LengthUnit): number {
  return unit === 'characters' ? [...text].length : encoder.encode(text).length
}

export interface Truncated {
  readonly text: string
  readonly cut: boolean
  /** The length of the whole text, in the target's unit, for the rule shown in the preview. */
  readonly originalLength: number
}

/**
 * Cuts the end of a text so it fits `max` units. The cut falls between user-perceived characters (grapheme
 * clusters), so it never splits a surrogate pair, a UTF-8 sequence, an emoji sequence or a base and its mark.
 */
export function truncate(text: string, max: number, unit: LengthUnit): Truncated {
  const originalLength = measure(text, unit)
  if (originalLength <= max) return { text, cut: false, originalLength }
  let kept = ''
  let used = 0
  for (const { segment } of graphemes.segment(text)) {
    const size = measure(segment, unit)
    if (used + size > max) break
    kept += segment
    used += size
  }
  return { text: kept, cut: true, originalLength }
}
