/**
 * The room-facing types of the Mailman connector: what a room's list is made from and what is read back.
 * Small and readonly, so they can move to src/shared/model/rooms.ts when the room contract exists.
 */
import type { RosterEntry } from './mailman-roster'

export interface ListPerson {
  readonly email: string
  /** Any Unicode (Japanese names are stored as given). */
  readonly displayName?: string
}

/** Mailman's SubscriptionPolicy: who must agree before someone who asks by mail or web is subscribed. */
export type SubscriptionPolicy = 'open' | 'confirm' | 'moderate' | 'confirm_then_moderate'
export type ArchivePolicy = 'never' | 'private' | 'public'
export type ModerationAction = 'hold' | 'reject' | 'discard' | 'accept' | 'defer'

export interface RoomListSpec {
  /** The local part, from `listNameForRoom` (lower-case ASCII, at most 52 bytes). */
  readonly listName: string
  readonly mailHost: string
  /** At most 255 characters (code points), one line; Japanese allowed. */
  readonly displayName: string
  /** At most 255 characters, one line. */
  readonly description: string
  /** Free text, several lines allowed. */
  readonly info: string
  /** Decoration of every delivered post; '' for none. */
  readonly header: string
  readonly footer: string
  /** Default 'moderate': membership is Renkei's business, a request by mail waits for an owner. */
  readonly subscriptionPolicy?: SubscriptionPolicy
  /** At least one. */
  readonly owners: readonly ListPerson[]
  readonly moderators?: readonly ListPerson[]
  readonly members?: readonly ListPerson[]
  /** Whether members get the posts by mail (F-2 row 15); default true. Owners' own roles get no posts. */
  readonly deliverPosts?: boolean
}

/** The settings a room's list carries, as Mailman reports them. */
export interface RoomListSettings {
  /** e.g. room-42.example.test: what every other call takes. */
  readonly listId: string
  readonly fqdnListname: string
  readonly displayName: string
  readonly description: string
  readonly info: string
  readonly archivePolicy: ArchivePolicy
  readonly defaultMemberAction: ModerationAction
  readonly defaultNonmemberAction: ModerationAction
  readonly subscriptionPolicy: SubscriptionPolicy
  readonly sendWelcomeMessage: boolean
  readonly sendGoodbyeMessage: boolean
  readonly advertised: boolean
  /** The URIs Mailman fetches the decoration from; null when none is set (Mailman's default then). */
  readonly headerUri: string | null
  readonly footerUri: string | null
  readonly memberCount: number
}

export interface RoomListRosters {
  readonly owners: readonly RosterEntry[]
  readonly moderators: readonly RosterEntry[]
  readonly members: readonly RosterEntry[]
}

/**
 * "Posting by mail off" (F-2 row 20): every post that arrives by mail is discarded, from members and
 * non-members alike. Not hold: a moderator could approve it, and held posts pile up with a notice to the
 * owners each. Not reject: Debian's Mailman 3.3.8 cannot write the rejection notice for a list whose display
 * name is not ASCII (UnicodeEncodeError in chains/reject.py, measured), so the post is shunted and the sender
 * hears nothing anyway. Owners and moderators who are not members post as non-members in Mailman 3.
 */
export const postingByMailOff = {
  default_member_action: 'discard',
  default_nonmember_action: 'discard',
} as const
