import type { Schedule } from '../../../../shared/model/jobs'
import type { JobDefinition } from '../../scheduler/job'
import { createRoomNoticesJob, roomNoticesSchedule } from './notices-job'
import type { HealthReporter } from '../../health/health-reporter'
import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { RoomContext } from './room-context'
import type { MemberNoticeOutlet } from './room-ports'
import { createRoomsCore, type RoomsCorePart } from './rooms-core'
import { roomsInboundMount } from './rooms-inbound'
import { createRoomsNotices, type RoomsNoticesPart } from './rooms-notices'
import { createRoomsTarget, type RoomsTargetPart } from './rooms-target'

export interface Rooms {
  readonly handlers: RoomsCorePart['handlers'] & RoomsTargetPart['handlers'] & RoomsNoticesPart['handlers']
  readonly health: HealthReporter
  /** The signed inbound API for community events, on the partner-facing listener. */
  readonly mounts: readonly PartnerMount[]
  /** The daily 「通知メールを送信」 (settings.sendNoticesAt), for the scheduler. */
  noticesJob(): JobDefinition
  close(): void
}

export interface RoomsWiring {
  /** The notice relay's SMTP target by id (another kind, or none: null — the send is refused with why). */
  readonly outletFor: (noticeTargetId: string) => MemberNoticeOutlet | null
  /** The data directory's site name, for the notices' Message-IDs. */
  readonly siteName: () => string
  /** The settings changed the daily send's time: the scheduler moves the job. */
  readonly reschedule: (schedule: Schedule) => void
}

/**
 * Room provisioning's composition: the core plans, the target part carries plans to Mailman, the notices part
 * keeps member-added notices for 「通知メールを送信」.
 */
export function createRooms(ctx: RoomContext, wiring: RoomsWiring): Rooms {
  let core: RoomsCorePart | null = null
  const target = createRoomsTarget(ctx, () => core!.settings().target)
  const notices = createRoomsNotices(ctx, {
    outlet: () => wiring.outletFor(core!.settings().noticeTargetId),
    siteName: wiring.siteName,
  })
  core = createRoomsCore(ctx, { target: () => target.target(), notices: notices.book })
  const joined = core
  return {
    handlers: {
      ...joined.handlers,
      ...target.handlers,
      ...notices.handlers,
      'rooms.settings.update': async (patch) => {
        const after = await joined.handlers['rooms.settings.update'](patch)
        wiring.reschedule(roomNoticesSchedule(after))
        return after
      },
    },
    health: joined.health,
    mounts: [roomsInboundMount(ctx, joined.handlers['rooms.events.ingest'])],
    noticesJob: () => createRoomNoticesJob(notices, joined.settings()),
    close: () => joined.close(),
  }
}
