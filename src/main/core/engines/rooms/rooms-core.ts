import type { RoomSettings } from '../../../../shared/model/rooms'
import type { NoticeHandlers } from '../notices/notice-ports'
import type { RoomContext } from './room-context'
import type { MemberNoticeBook, RoomTarget } from './room-ports'
import { notImplemented } from './room-stub'

/**
 * The core of room provisioning: `rooms.settings` (one JSON document, checked whole), communities (marked
 * groups of the home directory, re-read after each import; inbound events taken in once per source and id),
 * the planner, woken by the core's 'directory.changed' event after each import (F-2 defaults via room-defaults.ts, deletions via room-access.ts, member notices via
 * room-member-notices.ts), the room store (tables rooms / room_communities, migration 016) and `rooms.run`,
 * which applies plans through the target — refused while a listing is incomplete.
 */
export interface RoomsCorePart {
  readonly handlers: NoticeHandlers<
    | 'rooms.settings.get'
    | 'rooms.settings.update'
    | 'rooms.communities.list'
    | 'rooms.preview'
    | 'rooms.run'
    | 'rooms.events.ingest'
  >
  settings(): RoomSettings
  close(): void
}

export function createRoomsCore(
  _ctx: RoomContext,
  _ports: { readonly target: () => RoomTarget; readonly notices: MemberNoticeBook },
): RoomsCorePart {
  return {
    handlers: {
      'rooms.settings.get': notImplemented,
      'rooms.settings.update': notImplemented,
      'rooms.communities.list': notImplemented,
      'rooms.preview': notImplemented,
      'rooms.run': notImplemented,
      'rooms.events.ingest': notImplemented,
    },
    settings: notImplemented,
    close: () => {},
  }
}
