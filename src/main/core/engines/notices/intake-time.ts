import { ApiError } from '../../../../shared/model/errors'

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
/** Year 1 … 9999: what a groupware could mean; beyond is a unit mix-up (seconds, microseconds). */
const lastMs = Date.UTC(9999, 11, 31)

/** An event's occurredAt: ISO 8601 with an offset, or milliseconds since the epoch; absent: `now`. */
export function occurredAt(value: string | number | undefined, now: number): number {
  if (value === undefined) return now
  const ms = typeof value === 'number' ? value : isoWithOffset.test(value) ? Date.parse(value) : NaN
  if (Number.isFinite(ms) && ms > 0 && ms <= lastMs) return ms
  throw new ApiError('invalid-input', {
    ja: `occurredAt「${String(value)}」は日時として読めません。オフセット付きの ISO 8601（例 2022-12-20T16:08:00+09:00）か、1970 年からのミリ秒で指定してください。何も受け付けていません。`,
    en: `occurredAt "${String(value)}" is not a time. Use ISO 8601 with an offset (e.g. 2022-12-20T16:08:00+09:00) or milliseconds since 1970. Nothing was taken in.`,
  })
}
