/**
 * Presence input as people and groupware send it: dates 「2026-12-02」 or 「2026/12/02」, times 「17:30」 or
 * 「2026-12-02 17:30」, full-width digits read half-width (NFKC). Every refusal says what to write instead,
 * in Japanese and English.
 */
import { ApiError } from '../../../../shared/model/errors'

const pad = (n: number): string => String(n).padStart(2, '0')

function refuse(ja: string, en: string): ApiError {
  return new ApiError('invalid-input', {
    ja: `${ja}何も変更していません。`,
    en: `${en} Nothing was changed.`,
  })
}

function calendarDate(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day)
  const real = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
  return real ? date : null
}

/** YYYY-MM-DD of a real day; throws invalid-input otherwise. */
export function presenceDate(text: string): string {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.normalize('NFKC').trim())
  const date = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null
  if (!date) {
    throw refuse(
      `日付「${text}」が正しくありません。2026-12-02 のように年-月-日で、実在する日を入力してください。`,
      `The date "${text}" is not valid. Write a real day as year-month-day, e.g. 2026-12-02.`,
    )
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** 帰社日時 in ms (this computer's zone): a date and time, or a time on the entry's own day. */
export function presenceReturnAt(text: string, entryDate: string): number {
  const normal = text.normalize('NFKC').trim()
  const match = /^(?:(\d{4}[-/]\d{1,2}[-/]\d{1,2})[ T])?(\d{1,2}):(\d{2})$/.exec(normal)
  const hours = Number(match?.[2])
  const minutes = Number(match?.[3])
  if (!match || hours > 23 || minutes > 59) {
    throw refuse(
      `帰社日時「${text}」が正しくありません。17:30 または 2026-12-02 17:30 の形で入力してください。`,
      `The return time "${text}" is not valid. Write 17:30 or 2026-12-02 17:30.`,
    )
  }
  const [year, month, day] = presenceDate(match[1] ?? entryDate)
    .split('-')
    .map(Number) as [number, number, number]
  return new Date(year, month - 1, day, hours, minutes).getTime()
}

/** Empty text is no text: a cleared field in a form arrives as "". */
export function optionalText(text: string | null): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}
