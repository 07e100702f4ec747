import { ApiError } from '../../../../shared/model/errors'
import type { NoticeHandlers } from '../notices/notice-ports'
import { sendMemberNotices, noOutletError } from './notices-send'
import { MemberNoticeStore } from './notices-store'
import type { RoomContext } from './room-context'
import type { MemberNoticeBook, MemberNoticeOutlet } from './room-ports'

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
  ctx: RoomContext,
  ports: {
    readonly outlet: () => MemberNoticeOutlet | null
    /** The right side of the mails' Message-IDs (the notice relay uses the site's name); 'renkei' if not given. */
    readonly siteName?: () => string
  },
): RoomsNoticesPart {
  const store = new MemberNoticeStore(ctx.db)
  const changed = (): void =>
    // The core part knows the planned changes; this part only the notices (the screen re-reads both).
    ctx.events.emit('rooms.changed', { pendingNotices: store.pendingCount(), plannedChanges: 0 })
  let sending = false
  return {
    handlers: {
      'rooms.notices.list': async ({ state, limit }) => store.list(state, limit),
      'rooms.notices.send': async () => {
        // The screen, the CLI and the daily time may meet: one run at a time, or a notice could go out twice.
        if (sending) {
          throw new ApiError('invalid-input', {
            ja: 'メンバ追加通知は送信中です。終わってからもう一度お試しください。',
            en: 'Member-added notices are being sent right now. Try again when that run is over.',
          })
        }
        const outlet = ports.outlet()
        if (outlet === null) throw noOutletError()
        sending = true
        try {
          return await sendMemberNotices(ctx, store, outlet, ports.siteName?.() ?? 'renkei')
        } finally {
          sending = false
          changed()
        }
      },
    },
    book: {
      register: (registration) => {
        if (store.insert(registration.notices) > 0) changed()
      },
      pending: () => store.pendingCount(),
    },
  }
}
