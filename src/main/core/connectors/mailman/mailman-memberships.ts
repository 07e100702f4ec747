/**
 * Subscribing and unsubscribing, always immediate and silent: Renkei decides who is in a room, so Mailman
 * must neither ask anyone to confirm, nor wait for a moderator, nor mail a welcome or a goodbye.
 */
import { ConnectorError } from '../connector-error'
import { MailmanHttp } from './mailman-http'
import { mailmanMessages } from './mailman-messages'
import type { RosterEntry, RosterRole } from './mailman-roster'
import type { ListPerson } from './mailman-types'

export type SubscribeOutcome = 'subscribed' | 'already'

export interface Subscription {
  readonly outcome: SubscribeOutcome
  /** The new membership's id (from the 201's Location); null when the person was there already. */
  readonly memberId: string | null
}

/**
 * Mailman's "already" answers: 409 "Member already subscribed" for members, 400 "x is already an owner of
 * y" (sic, "an moderator" too) for the other roles.
 */
const alreadyThere = (status: number, detail: string) =>
  status === 409 || (status === 400 && /\bis already an? \w+ of\b/.test(detail))

export async function subscribe(
  http: MailmanHttp,
  listId: string,
  person: ListPerson,
  role: RosterRole,
): Promise<Subscription> {
  const answer = await http.send('POST', '/members', {
    body: {
      list_id: listId,
      subscriber: person.email,
      role,
      ...(person.displayName ? { display_name: person.displayName } : {}),
      // Address verified, subscription confirmed and approved by Renkei: no token, no mail.
      pre_verified: true,
      pre_confirmed: true,
      pre_approved: true,
      send_welcome_message: false,
    },
    accept: [400, 409],
    notFound: mailmanMessages.listNotFound(listId),
  })
  if (answer.status === 202)
    throw new ConnectorError('permanent', mailmanMessages.pendingSubscription(listId, person.email))
  if (answer.status === 400 || answer.status === 409) {
    if (alreadyThere(answer.status, answer.detail)) return { outcome: 'already', memberId: null }
    throw new ConnectorError(
      'permanent',
      mailmanMessages.refused(answer.status, answer.detail),
      answer.detail,
      answer.status,
    )
  }
  return { outcome: 'subscribed', memberId: answer.location?.split('/').pop() || null }
}

/**
 * Turns a member's delivery of the list's posts off as Mailman's `by_user` ("disabled by the member"), not
 * `by_moderator`: the room allows members to change their mail settings (F-2 row 16), so each may turn it on.
 */
export async function turnDeliveryOff(http: MailmanHttp, memberId: string): Promise<void> {
  await http.send('PATCH', MailmanHttp.path('members', memberId, 'preferences'), {
    body: { delivery_status: 'by_user' },
  })
}

/**
 * Ends one membership by its id. pre_approved/pre_confirmed make a member's unsubscription immediate even
 * under an unsubscription policy of confirm or moderate; no goodbye is mailed because the room's list has
 * send_goodbye_message off (Mailman 3.3.8 has no per-request switch for it). Gone already counts as done.
 */
export async function unsubscribe(http: MailmanHttp, listId: string, entry: RosterEntry): Promise<void> {
  const answer = await http.send('DELETE', MailmanHttp.path('members', entry.memberId), {
    ...(entry.role === 'member' ? { body: { pre_approved: true, pre_confirmed: true } } : {}),
    accept: [404],
  })
  if (answer.status === 202)
    throw new ConnectorError('permanent', mailmanMessages.pendingSubscription(listId, entry.email))
}
