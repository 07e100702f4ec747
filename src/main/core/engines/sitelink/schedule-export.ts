/**
 * Calendar-sync sources as the exchange's schedule export. The horizon of recurring series is kept in the
 * settings table so it moves in 7-day steps across restarts. One employee whose source cannot be read
 * stops the whole schedule export for this send: a partial read never drives a deletion at partners.
 */
import { z } from 'zod'
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import { ConnectorError } from '../../connectors/connector-error'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'
import type { ScheduleExportSource } from './exchange/exchange-ports'
import type { ScheduleSource } from './schedule-source'
import { scheduleWindow } from './schedule-window'

const horizonDocument = z.object({ horizon: z.number().nullable().default(null) })

export function scheduleExport(source: ScheduleSource, db: Db, now: () => number): ScheduleExportSource {
  const stored = new JsonSetting(db, 'sitelink.schedule-horizon', horizonDocument, {
    ja: '予定の連携範囲',
    en: 'schedule horizon',
  })
  return {
    windowStart: (at) => scheduleWindow(at, null).start,
    items: (signal) => items(source, stored, now(), signal),
  }
}

async function* items(
  source: ScheduleSource,
  stored: JsonSetting<typeof horizonDocument>,
  at: number,
  signal: AbortSignal,
): AsyncGenerator<LinkScheduleItem> {
  const window = scheduleWindow(at, stored.get().horizon)
  stored.save({ horizon: window.horizon })
  for await (const employee of source.all(window, signal)) {
    if (employee.status === 'failed') {
      throw new ConnectorError('transient', {
        ja: `社員 ${employee.employeeKey} の予定を読めなかったため、予定は今回送りません（前回送った予定はそのままです）: ${employee.error.ja}`,
        en: `Schedules are not sent this time because employee ${employee.employeeKey}'s could not be read (what was sent before stays): ${employee.error.en}`,
      })
    }
    yield* employee.items
  }
}
