import type { Language } from '../../../shared/model/localized'
import type { Schedule } from '../../../shared/model/jobs'
import type { Translate } from '../i18n'

const weekdays: Readonly<Record<Language, readonly string[]>> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Local time as groupware admin screens show it: 2019/09/26 16:46:00. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** With the weekday, for schedules: 2019/09/27 (金) 10:10. */
export function formatDateTimeWithWeekday(ms: number, language: Language): string {
  const d = new Date(ms)
  const day = weekdays[language][d.getDay()] ?? ''
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} (${day}) ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function describeSchedule(schedule: Schedule, t: Translate): string {
  switch (schedule.kind) {
    case 'interval': {
      const every =
        schedule.minutes >= 60 && schedule.minutes % 60 === 0
          ? t('schedule.intervalHours', { hours: schedule.minutes / 60 })
          : t('schedule.interval', { minutes: schedule.minutes })
      return schedule.jitterSeconds > 0
        ? every + t('schedule.jitter', { seconds: schedule.jitterSeconds })
        : every
    }
    case 'daily':
      return t('schedule.daily', { at: schedule.at })
    case 'debounce':
      return t('schedule.debounce', { delay: schedule.delayMinutes, max: schedule.maxDelayMinutes })
    case 'manual':
      return t('schedule.manual')
  }
}

/**
 * A `<input type="date">` value as local midnight in ms; `plusDays` 1 gives the exclusive end of that day.
 * Built from parts so daylight-saving shifts land on the real local midnight.
 */
export function localMidnight(value: string, plusDays = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return undefined
  const [, y, m, d] = match
  return new Date(Number(y), Number(m) - 1, Number(d) + plusDays).getTime()
}
