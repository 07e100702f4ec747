/**
 * A room's mailing list in Mailman 3 (REST API 3.1): created with the room's defaults, read back whole,
 * its members and owners kept, narrowed to the owner when the community goes, deleted. Every input is
 * checked before the first request, so a bad room changes nothing; every failure is a ConnectorError.
 */
import { ConnectorError } from '../connector-error'
import type { DecorationPart, DecorationPublisher } from './mailman-decoration'
import { templateNames } from './mailman-decoration'
import { MailmanHttp, type MailmanSettings } from './mailman-http'
import { checkAddresses, checkListId, checkListName, isMailmanAddress } from './mailman-limits'
import { checkTexts, parseSettings, roomListConfig, type RoomListTexts } from './mailman-list-settings'
import { subscribe, turnDeliveryOff, unsubscribe, type SubscribeOutcome } from './mailman-memberships'
import { mailmanMessages } from './mailman-messages'
import { readWholeRoster, type RosterEntry, type RosterRole } from './mailman-roster'
import type { ListPerson, RoomListRosters, RoomListSettings, RoomListSpec } from './mailman-types'

export interface MailmanConnectorOptions {
  /** Where header/footer texts are published for Mailman to fetch. */
  readonly decorations: DecorationPublisher
  readonly fetch?: typeof fetch
  /** Roster page size (`count`); default 100. */
  readonly pageSize?: number
}

export interface Decoration {
  /** '' removes the decoration (Mailman's default template applies, which is empty). */
  readonly header: string
  readonly footer: string
}

/** A list id Mailman does not know: the one error callers may want to tell apart (the room's list is gone). */
export const isListNotFound = (error: unknown): boolean =>
  error instanceof ConnectorError && error.kind === 'permanent' && error.httpStatus === 404

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export class MailmanConnector {
  private readonly http: MailmanHttp
  private readonly decorations: DecorationPublisher
  private readonly pageSize: number

  constructor(settings: MailmanSettings, password: string, options: MailmanConnectorOptions) {
    this.http = new MailmanHttp(settings, password, options.fetch)
    this.decorations = options.decorations
    this.pageSize = options.pageSize ?? 100
  }

  private listPath = (listId: string, ...rest: string[]) => MailmanHttp.path('lists', listId, ...rest)
  private notFound = (listId: string) => ({ notFound: mailmanMessages.listNotFound(listId) })

  /** The mail domain exists afterwards; says whether this call created it. */
  async ensureDomain(mailHost: string): Promise<'created' | 'existing'> {
    if (!isMailmanAddress(`list@${mailHost}`))
      throw new ConnectorError('permanent', mailmanMessages.badAddress(mailHost))
    const probe = await this.http.send('GET', MailmanHttp.path('domains', mailHost), { accept: [404] })
    if (probe.status !== 404) return 'existing'
    const created = await this.http.send('POST', '/domains', { body: { mail_host: mailHost }, accept: [400] })
    if (created.status === 400 && !created.detail.startsWith('Duplicate email host'))
      throw new ConnectorError('permanent', mailmanMessages.refused(400, created.detail), created.detail, 400)
    return created.status === 400 ? 'existing' : 'created'
  }

  /**
   * Creates the room's list with every setting, decoration and person of `spec`, and returns its list id.
   * An existing list of that name is refused (never adopted). When a step after the list's creation fails,
   * the list this call created is deleted again, so a retry starts clean.
   */
  async createRoomList(spec: RoomListSpec): Promise<string> {
    checkListName(spec.listName)
    checkListId(spec.listName, spec.mailHost)
    checkTexts(spec)
    const people = [...spec.owners, ...(spec.moderators ?? []), ...(spec.members ?? [])]
    checkAddresses(people.map((person) => person.email))
    if (spec.owners.length === 0)
      throw new ConnectorError('permanent', mailmanMessages.noOwners(spec.listName))
    await this.ensureDomain(spec.mailHost)
    const fqdn = `${spec.listName}@${spec.mailHost}`
    const created = await this.http.send('POST', '/lists', { body: { fqdn_listname: fqdn }, accept: [400] })
    const listId = `${spec.listName}.${spec.mailHost}`
    if (created.status === 400) {
      if (created.detail === 'Mailing list exists')
        throw new ConnectorError('conflict', mailmanMessages.listExists(listId), created.detail, 400)
      throw new ConnectorError('permanent', mailmanMessages.refused(400, created.detail), created.detail, 400)
    }
    try {
      await this.configure(listId, spec)
      await this.setDecoration(listId, spec)
      for (const owner of spec.owners) await subscribe(this.http, listId, owner, 'owner')
      for (const moderator of spec.moderators ?? [])
        await subscribe(this.http, listId, moderator, 'moderator')
      await this.addMembers(listId, spec.members ?? [], { deliverPosts: spec.deliverPosts ?? true })
    } catch (error) {
      await this.http.send('DELETE', this.listPath(listId), { accept: [404] }).catch(() => undefined)
      throw error
    }
    return listId
  }

  /** Writes the room's texts and fixed defaults (posting by mail off, private archive, no welcome/goodbye). */
  async configure(listId: string, texts: RoomListTexts): Promise<void> {
    checkTexts(texts)
    await this.http.send('PATCH', this.listPath(listId, 'config'), {
      body: roomListConfig(texts),
      ...this.notFound(listId),
    })
  }

  /** Publishes the texts and points the list's header/footer templates at them ('' removes one). */
  async setDecoration(listId: string, decoration: Decoration): Promise<void> {
    const uris: Record<string, string> = {}
    for (const part of ['header', 'footer'] as DecorationPart[]) {
      const text = decoration[part]
      uris[templateNames[part]] = text === '' ? '' : await this.decorations.publish(listId, part, text)
    }
    await this.http.send('PATCH', this.listPath(listId, 'uris'), { body: uris, ...this.notFound(listId) })
  }

  async readList(listId: string): Promise<RoomListSettings> {
    const list = await this.http.send('GET', this.listPath(listId), this.notFound(listId))
    const config = await this.http.send('GET', this.listPath(listId, 'config'), this.notFound(listId))
    const uris = await this.http.send('GET', this.listPath(listId, 'uris'), this.notFound(listId))
    type Json = Record<string, unknown>
    return parseSettings(list.body as Json, config.body as Json, uris.body as Json, this.http.root)
  }

  /** The whole roster of one role, or an error (never part of it). */
  readRoster(listId: string, role: RosterRole): Promise<RosterEntry[]> {
    const read = (path: string) => this.http.send('GET', path, this.notFound(listId))
    return readWholeRoster(read, listId, role, this.pageSize)
  }

  async readRosters(listId: string): Promise<RoomListRosters> {
    return {
      owners: await this.readRoster(listId, 'owner'),
      moderators: await this.readRoster(listId, 'moderator'),
      members: await this.readRoster(listId, 'member'),
    }
  }

  /**
   * Subscribes each person as a member, silently and at once; someone already subscribed is left as is.
   * With `deliverPosts` false every person handed in gets delivery off, those found already subscribed too:
   * Renkei hands in only people it has not recorded as added, so "already" is its own earlier attempt that
   * stopped between subscribing and setting delivery (a crash), and the retry completes it.
   */
  async addMembers(
    listId: string,
    people: readonly ListPerson[],
    options: { readonly deliverPosts: boolean } = { deliverPosts: true },
  ): Promise<Record<SubscribeOutcome, string[]>> {
    checkAddresses(people.map((person) => person.email))
    const outcome: Record<SubscribeOutcome, string[]> = { subscribed: [], already: [] }
    for (const person of people) {
      const subscription = await subscribe(this.http, listId, person, 'member')
      outcome[subscription.outcome].push(person.email)
      if (options.deliverPosts) continue
      const memberId = subscription.memberId ?? (await this.memberIdOf(listId, person.email))
      if (memberId !== null) await turnDeliveryOff(this.http, memberId)
    }
    return outcome
  }

  /** Unsubscribes one member without a goodbye mail; 'absent' when they were not subscribed. */
  async removeMember(listId: string, email: string): Promise<'removed' | 'absent'> {
    checkAddresses([email])
    await this.quietRemovals(listId)
    const memberId = await this.memberIdOf(listId, email)
    if (memberId === null) return 'absent'
    await unsubscribe(this.http, listId, { memberId, email, displayName: '', role: 'member' })
    return 'removed'
  }

  /**
   * Access narrowed to the room's owner (community deleted): every member, moderator and other owner is
   * removed, the owner's own subscriptions stay. All three rosters are read whole before the first removal.
   */
  async narrowToOwner(listId: string, ownerEmail: string): Promise<RosterEntry[]> {
    checkAddresses([ownerEmail])
    const rosters = await this.readRosters(listId)
    if (!rosters.owners.some((owner) => sameAddress(owner.email, ownerEmail)))
      throw new ConnectorError('permanent', mailmanMessages.ownerMissing(listId, ownerEmail))
    const leaving = [...rosters.members, ...rosters.moderators, ...rosters.owners].filter(
      (entry) => !sameAddress(entry.email, ownerEmail),
    )
    await this.quietRemovals(listId)
    for (const entry of leaving) await unsubscribe(this.http, listId, entry)
    return leaving
  }

  /** The owners become exactly `owners`: new ones are added before old ones go, so the list never has none. */
  async setOwners(listId: string, owners: readonly ListPerson[]): Promise<void> {
    if (owners.length === 0) throw new ConnectorError('permanent', mailmanMessages.noOwners(listId))
    await this.setRoster(listId, 'owner', owners)
  }

  setModerators(listId: string, moderators: readonly ListPerson[]): Promise<void> {
    return this.setRoster(listId, 'moderator', moderators)
  }

  async deleteList(listId: string): Promise<void> {
    await this.http.send('DELETE', this.listPath(listId), this.notFound(listId))
  }

  private async setRoster(listId: string, role: 'owner' | 'moderator', people: readonly ListPerson[]) {
    checkAddresses(people.map((person) => person.email))
    const current = await this.readRoster(listId, role)
    for (const person of people)
      if (!current.some((entry) => sameAddress(entry.email, person.email)))
        await subscribe(this.http, listId, person, role)
    for (const entry of current)
      if (!people.some((person) => sameAddress(entry.email, person.email)))
        await unsubscribe(this.http, listId, entry)
  }

  /** The membership id of a member of the list, or null when they are not one. */
  private async memberIdOf(listId: string, email: string): Promise<string | null> {
    const found = await this.http.send('GET', this.listPath(listId, 'member', email), { accept: [404] })
    const memberId = (found.body as { member_id?: unknown } | null)?.member_id
    return found.status === 404 || typeof memberId !== 'string' ? null : memberId
  }

  /** Mailman 3.3.8 mails a goodbye on unsubscription unless the list says not to; Renkei's lists never do. */
  private async quietRemovals(listId: string): Promise<void> {
    await this.http.send('PATCH', this.listPath(listId, 'config'), {
      body: { send_goodbye_message: false },
      ...this.notFound(listId),
    })
  }
}
