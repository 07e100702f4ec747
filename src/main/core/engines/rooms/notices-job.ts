import type { Schedule } from '../../../../shared/model/jobs'
import type { RoomSettings } from '../../../../shared/model/rooms'
import type { JobDefinition } from '../../scheduler/job'
import { errorMessage } from '../../scheduler/job-result'
import type { RoomsNoticesPart } from './rooms-notices'

export const roomNoticesJobId = 'rooms.send-notices'

/** 「通知メールを送信」 on the daily time of the settings while room provisioning is on; otherwise by hand only. */
export function roomNoticesSchedule(settings: Pick<RoomSettings, 'enabled' | 'sendNoticesAt'>): Schedule {
  return settings.enabled && settings.sendNoticesAt !== ''
    ? { kind: 'daily', at: settings.sendNoticesAt }
    : { kind: 'manual' }
}

/**
 * The daily send as a scheduler job: the same run as the screen's button (one at a time, the part refuses a
 * second). A refusal (no notice target chosen) is an error the jobs table shows; dropped notices a warning.
 */
export function createRoomNoticesJob(
  part: Pick<RoomsNoticesPart, 'handlers'>,
  settings: Pick<RoomSettings, 'enabled' | 'sendNoticesAt'>,
): JobDefinition {
  return {
    id: roomNoticesJobId,
    title: { ja: 'メンバ追加通知の送信', en: 'Send member-added notices' },
    schedule: roomNoticesSchedule(settings),
    async run() {
      try {
        const result = await part.handlers['rooms.notices.send']({})
        const outcome = result.failed > 0 ? 'error' : result.dropped > 0 ? 'warning' : 'ok'
        return { outcome, message: result.outcome }
      } catch (error) {
        return { outcome: 'error', message: errorMessage(error) }
      }
    },
  }
}
