import type { RoomContext } from './room-context'
import type { MemberNoticeOutlet } from './room-ports'
import { createRoomsCore, type RoomsCorePart } from './rooms-core'
import { createRoomsNotices, type RoomsNoticesPart } from './rooms-notices'
import { createRoomsTarget, type RoomsTargetPart } from './rooms-target'

export interface Rooms {
  readonly handlers: RoomsCorePart['handlers'] & RoomsTargetPart['handlers'] & RoomsNoticesPart['handlers']
  close(): void
}

/**
 * Room provisioning's composition: the core plans, the target part carries plans to Mailman, the notices part
 * keeps member-added notices for 「通知メールを送信」. `outlet` finds the notice relay's SMTP target by id.
 * (Health: 'rooms' is still a planned engine in shared/model/health.ts; the core part reports once it is built.)
 */
export function createRooms(
  ctx: RoomContext,
  outletFor: (noticeTargetId: string) => MemberNoticeOutlet | null,
): Rooms {
  let core: RoomsCorePart | null = null
  const target = createRoomsTarget(ctx, () => core!.settings().target)
  const notices = createRoomsNotices(ctx, { outlet: () => outletFor(core!.settings().noticeTargetId) })
  core = createRoomsCore(ctx, { target: () => target.target(), notices: notices.book })
  const joined = core
  return {
    handlers: { ...joined.handlers, ...target.handlers, ...notices.handlers },
    close: () => joined.close(),
  }
}
