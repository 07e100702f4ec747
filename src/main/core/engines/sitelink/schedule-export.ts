/**
 * Calendar-sync sources as the exchange's schedule export, with each link's horizon (`ScheduleHorizons`).
 * One employee whose source cannot be read stops the schedule export of this send: a partial read never
 * drives a deletion at partners (the exchange records the failure and sends the other kinds).
 */
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import { ConnectorError } from '../../connectors/connector-error'
import type { ScheduleExportSource } from './exchange/exchange-ports'
import type { ScheduleHorizons } from './schedule-horizons'
import type { ScheduleSource } from './schedule-source'
import { scheduleWindow } from './schedule-window'

export function scheduleExport(
  source: ScheduleSource,
  horizons: ScheduleHorizons,
  now: () => number,
): ScheduleExportSource {
  return {
    windowStart: (at) => scheduleWindow(at, null).start,
    items: (linkId, signal) => items(source, horizons, linkId, now(), signal),
  }
}

async function* items(
  source: ScheduleSource,
  horizons: ScheduleHorizons,
  linkId: string,
  at: number,
  signal: AbortSignal,
): AsyncGenerator<LinkScheduleItem> {
  for await (const employee of source.all(horizons.windowFor(linkId, at), signal)) {
    if (employee.status === 'failed') {
      throw new ConnectorError('transient', {
        ja: `社員 ${employee.employeeKey} の予定を読めなかったため、予定は今回送りません（前回送った予定はそのままです）: ${employee.error.ja}`,
        en: `Schedules are not sent this time because employee ${employee.employeeKey}'s could not be read (what was sent before stays): ${employee.error.en}`,
      })
    }
    yield* employee.items
  }
}
