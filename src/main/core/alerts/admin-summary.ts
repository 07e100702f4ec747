import type { AlertSettings } from '../../../shared/model/alerts'
import type { AdminSummaryChannel } from '../engines/notices/notice-ports'
import { sendAlert, type AlertSenderDeps } from './alert-sender'

/** The notice relay's failure digest goes out through the admin's alert channels, as one alert. */
export function adminSummaryChannel(
  deps: AlertSenderDeps,
  settings: () => AlertSettings,
  now: () => number,
): AdminSummaryChannel {
  return {
    send: async (title, message) => {
      await sendAlert(deps, settings(), [{ kind: 'notice.failures', at: now(), title, message }])
    },
  }
}
