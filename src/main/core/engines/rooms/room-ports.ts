/**
 * The ports between the parts of room provisioning. The core (settings, communities, intake, planner, room
 * store) plans; the target part carries plans to Mailman 3; the notices part keeps member-added notices until
 * the admin sends them, through the notice relay's SMTP target.
 */
import type { Localized } from '../../../../shared/model/localized'
import type { AutoRoomSettings, TargetLimits } from '../../../../shared/model/rooms'
import type { OutgoingNotice } from '../notices/notice-ports'
import type { MemberNoticeRegistration } from './room-member-notices'

/** A person as the target needs them: the key Renkei knows them by and the address Mailman subscribes. */
export interface RoomPerson {
  readonly key: string
  readonly email: string
  readonly name: string
}

/** One list Renkei owns on the target, as read back: who is subscribed, who owns it. */
export interface TargetRoom {
  readonly listId: string
  readonly members: readonly string[]
  readonly owners: readonly string[]
}

/**
 * A room product (Mailman 3 now; a forum's REST API later). Every method throws `ConnectorError`; a listing
 * that cannot be read whole throws, so no removal is ever planned from part of it. Only lists Renkei created
 * (their ids in the room store) are read or changed.
 */
export interface RoomTarget {
  /** How long names may be, counted the way this product counts (F-2 item 1 truncation). */
  limits(): TargetLimits
  /** Signs in and reads the mail domain: ok, or what is wrong, in ja/en. */
  test(signal: AbortSignal): Promise<{ readonly ok: boolean; readonly message: Localized }>
  /** The given lists, each read whole (members and owners). */
  read(listIds: readonly string[], signal: AbortSignal): Promise<readonly TargetRoom[]>
  /**
   * Creates the room's list with the F-2 values it has a place for; the owner and members subscribed, no
   * mails, each getting posts by mail or not as `settings.postMail` says (row 15).
   */
  create(
    room: {
      readonly id: string
      readonly settings: AutoRoomSettings
      readonly owner: RoomPerson
      readonly members: readonly RoomPerson[]
    },
    signal: AbortSignal,
  ): Promise<{ readonly listId: string }>
  /** The community was renamed: the list's names follow (settings as recomputed, item 1). */
  rename(listId: string, settings: AutoRoomSettings, signal: AbortSignal): Promise<void>
  /** Subscribes people, no mails; each gets posts by mail or not as the room's F-2 row 15 says (`postMail`). */
  addMembers(
    listId: string,
    people: readonly RoomPerson[],
    room: { readonly postMail: boolean },
    signal: AbortSignal,
  ): Promise<void>
  /** Unsubscribes (no goodbye mail): their mail subscription, the per-user data Mailman holds (F (5)). */
  removeMembers(listId: string, keys: readonly string[], signal: AbortSignal): Promise<void>
  /** Access narrowed to the owner (F (3)): every other member and owner removed. */
  narrowToOwner(
    listId: string,
    owner: RoomPerson,
    signal: AbortSignal,
  ): Promise<{ readonly removed: readonly string[] }>
}

/** Registers member-added notices planned by the core (F (4)); they wait for 「通知メールを送信」. */
export interface MemberNoticeBook {
  register(registration: MemberNoticeRegistration): void
  /** Pending notices (for the screen's counts and `rooms.changed`). */
  pending(): number
}

/** Where member-added notices leave: the notice relay's SMTP target named in the settings, or null. */
export interface MemberNoticeOutlet {
  send(notice: OutgoingNotice, signal: AbortSignal): Promise<{ readonly detail: string | null }>
}
