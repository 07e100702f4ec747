import type { NoticeHandlers } from '../notices/notice-ports'
import type { RoomContext } from './room-context'
import type { MemberNoticeBook, MemberNoticeOutlet } from './room-ports'
import { notImplemented } from './room-stub'

/**
 * Member-added notices (F (4), F-3, F (c)): kept in room_member_notices until 「通知メールを送信」 (the screen, the
 * CLI or the daily time in the settings); at send time a notice whose community is gone is dropped and reported.
 * Mails leave through the notice relay's SMTP target named in the settings.
 */
export interface RoomsNoticesPart {
  readonly handlers: NoticeHandlers<'rooms.notices.list' | 'rooms.notices.send'>
  readonly book: MemberNoticeBook
}

export function createRoomsNotices(
  _ctx: RoomContext,
  _ports: { readonly outlet: () => MemberNoticeOutlet | null },
): RoomsNoticesPart {
  return {
    handlers: { 'rooms.notices.list': notImplemented, 'rooms.notices.send': notImplemented },
    book: { register: notImplemented, pending: () => 0 },
  }
}
