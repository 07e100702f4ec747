import type { RoomTargetConfig } from '../../../../shared/model/rooms'
import type { NoticeHandlers } from '../notices/notice-ports'
import type { RoomContext } from './room-context'
import type { RoomTarget } from './room-ports'
import { connectTarget } from './target-connection'
import { mailmanRoomTarget } from './target-mailman'
import { targetPeople } from './target-people'

/**
 * The target part: Mailman 3 through `connectors/mailman` (its REST password read from the keychain at each
 * call, `rooms.mailman.password`), behind the `RoomTarget` port; `rooms.target.test`.
 */
export interface RoomsTargetPart {
  readonly handlers: NoticeHandlers<'rooms.target.test'>
  /** The target for the settings as they are now. */
  target(): RoomTarget
}

export function createRoomsTarget(ctx: RoomContext, config: () => RoomTargetConfig): RoomsTargetPart {
  const target = mailmanRoomTarget({
    connect: () => connectTarget(ctx, config()),
    people: () => targetPeople(ctx.home),
  })
  return {
    handlers: { 'rooms.target.test': () => target.test(ctx.signal) },
    target: () => target,
  }
}
