import type { Localized } from '../../../../shared/model/localized'
import { ApiError } from '../../../../shared/model/errors'
import { systemParameterLabels, type SystemParameters } from '../../../../shared/model/rooms'

/** 100 years: a longer period would push dates past what a calendar field holds, and is surely a typo. */
export const maxPeriodDays = 36_500

const periodKeys = ['preparationPeriodMaxDays', 'sessionPeriodMaxDays', 'viewPeriodMaxDays'] as const
const switchKeys = ['postMailDefault', 'memberNoticeDefault'] as const

/** Every problem of a stored or typed-in parameter set at once, so the admin fixes them in one go. */
export function systemParameterProblems(raw: unknown): Localized[] {
  if (typeof raw !== 'object' || raw === null) {
    return [{ ja: 'システムパラメタがありません', en: 'the system parameters are missing' }]
  }
  const values = raw as Record<string, unknown>
  const problems: Localized[] = []
  const state = values.autoCreatedRoomState
  if (state !== 'preparing' && state !== 'in-session') {
    const label = systemParameterLabels.autoCreatedRoomState
    problems.push({
      ja: `${label.ja}: 「準備中」か「会議中」を指定してください(値: ${shown(state).ja})`,
      en: `${label.en}: choose Preparing or In session (value: ${shown(state).en})`,
    })
  }
  for (const key of periodKeys) {
    const value = values[key]
    const label = systemParameterLabels[key]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxPeriodDays) {
      problems.push({
        ja: `${label.ja}: 0 以上 ${maxPeriodDays} 以下の整数(日数)を指定してください(値: ${shown(value).ja})`,
        en: `${label.en}: give a whole number of days from 0 to ${maxPeriodDays} (value: ${shown(value).en})`,
      })
    }
  }
  for (const key of switchKeys) {
    const value = values[key]
    const label = systemParameterLabels[key]
    if (typeof value !== 'boolean') {
      problems.push({
        ja: `${label.ja}: オンかオフを指定してください(値: ${shown(value).ja})`,
        en: `${label.en}: choose on or off (value: ${shown(value).en})`,
      })
    }
  }
  return problems
}

/** Throws one invalid-input error that lists every problem (ja and en), so nothing is created from bad values. */
export function throwIfProblems(problems: readonly Localized[], subject: Localized): void {
  if (problems.length === 0) return
  throw new ApiError(
    'invalid-input',
    {
      ja: `${subject.ja}: ${problems.map((p) => p.ja).join('; ')}`,
      en: `${subject.en}: ${problems.map((p) => p.en).join('; ')}`,
    },
    { problems },
  )
}

/** A parameter set read from storage or an API call, checked as a whole. */
export function readSystemParameters(raw: unknown): SystemParameters {
  throwIfProblems(systemParameterProblems(raw), {
    ja: 'システムパラメタが正しくありません',
    en: 'the system parameters are not valid',
  })
  return raw as SystemParameters
}

function shown(value: unknown): Localized {
  if (value === undefined) return { ja: '未設定', en: 'missing' }
  // NaN and Infinity would print as null through JSON.
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value))
  return { ja: text, en: text }
}
