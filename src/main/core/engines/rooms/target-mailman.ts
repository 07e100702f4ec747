/**
 * The `RoomTarget` port over the Mailman 3 connector: one list per room. Mailman has one display name, so it
 * carries the room's name (F-2 item 1, the community's name); the English name goes into the list's `info`
 * with the room's URL. What Mailman has no place for stays in the room store (README.md lists it).
 */
import type { AutoRoomSettings, TargetLimits } from '../../../../shared/model/rooms'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { listNameForRoom, mailmanLimits } from '../../connectors/mailman/mailman-limits'
import { MailmanHttp } from '../../connectors/mailman/mailman-http'
import type { ListPerson } from '../../connectors/mailman/mailman-types'
import type { RoomPerson, RoomTarget, TargetRoom } from './room-ports'
import type { TargetConnection } from './target-connection'
import type { TargetPeople } from './target-people'

/** Names are counted as Mailman counts them; the English name is held to the display name's limit too. */
export const mailmanRoomLimits: TargetLimits = {
  nameMax: mailmanLimits.displayNameMaxChars,
  nameEnMax: mailmanLimits.displayNameMaxChars,
  unit: 'characters',
}

const listPerson = (person: RoomPerson): ListPerson => ({ email: person.email, displayName: person.name })

/** The list's long text (no length limit in Mailman, lines allowed): the English name and the room's URL. */
export const roomListInfo = (settings: AutoRoomSettings): string =>
  [settings.nameEn, settings.url].filter((line) => line !== '').join('\n')

const postByMailUnsupported: Localized = {
  ja: 'メールによる投稿をオンにした会議室は作れません（Mailman のリストはメールでの投稿をすべて破棄する設定で作成します）。何も作成していません。',
  en: 'A room with posting by mail on cannot be created (Renkei creates Mailman lists that discard every post by mail). Nothing was created.',
}

const unknownKeys = (listId: string, keys: readonly string[]): Localized => ({
  ja: `「${listId}」から外す人のメールアドレスがわかりません（${keys.join(', ')}）。ホームディレクトリを確認してください。何も削除していません。`,
  en: `The e-mail address of whom to remove from "${listId}" is unknown (${keys.join(', ')}); check the home directory. Nothing was removed.`,
})

export interface MailmanRoomTargetPorts {
  /** A connection for this call: settings as they are now, the password read from the keychain now. */
  readonly connect: () => Promise<TargetConnection>
  /** The directory as it is now: keys ↔ addresses. */
  readonly people: () => TargetPeople
}

export function mailmanRoomTarget(ports: MailmanRoomTargetPorts): RoomTarget {
  const keysOf = (entries: readonly { email: string }[], people: TargetPeople) => [
    ...new Set(entries.map((entry) => people.keyOf(entry.email))),
  ]
  return {
    limits: () => mailmanRoomLimits,

    async test(signal) {
      try {
        signal.throwIfAborted()
        return await testConnection(await ports.connect())
      } catch (error) {
        if (error instanceof ConnectorError) return { ok: false, message: error.localized }
        throw error
      }
    },

    async read(listIds, signal) {
      signal.throwIfAborted()
      const { connector } = await ports.connect()
      const people = ports.people()
      const rooms: TargetRoom[] = []
      for (const listId of listIds) {
        signal.throwIfAborted()
        const owners = await connector.readRoster(listId, 'owner')
        const members = await connector.readRoster(listId, 'member')
        rooms.push({ listId, members: keysOf(members, people), owners: keysOf(owners, people) })
      }
      return rooms
    },

    async create({ id, settings, owner, members }, signal) {
      signal.throwIfAborted()
      if (settings.postByMail) throw new ConnectorError('permanent', postByMailUnsupported)
      const listName = listNameForRoom(id)
      const { connector, mailDomain } = await ports.connect()
      const listId = await connector.createRoomList({
        listName,
        mailHost: mailDomain,
        displayName: settings.name,
        description: settings.description,
        info: roomListInfo(settings),
        header: settings.mailHeader,
        footer: settings.mailFooter,
        owners: [listPerson(owner)],
        // The owner reads the room too (a reader like the members): subscribed, so posts reach them.
        members: [owner, ...members.filter((m) => m.key !== owner.key)].map(listPerson),
        deliverPosts: settings.postMail,
      })
      return { listId }
    },

    async rename(listId, settings, signal) {
      signal.throwIfAborted()
      const { connector } = await ports.connect()
      await connector.configure(listId, {
        displayName: settings.name,
        description: settings.description,
        info: roomListInfo(settings),
      })
    },

    async addMembers(listId, people, room, signal) {
      signal.throwIfAborted()
      const { connector } = await ports.connect()
      await connector.addMembers(listId, people.map(listPerson), { deliverPosts: room.postMail })
    },

    async removeMembers(listId, keys, signal) {
      signal.throwIfAborted()
      const people = ports.people()
      const unknown = keys.filter((key) => people.emailOf(key) === null)
      if (unknown.length > 0) throw new ConnectorError('permanent', unknownKeys(listId, unknown))
      const { connector } = await ports.connect()
      for (const key of keys) {
        signal.throwIfAborted()
        await connector.removeMember(listId, people.emailOf(key)!)
      }
    },

    async narrowToOwner(listId, owner, signal) {
      signal.throwIfAborted()
      const { connector } = await ports.connect()
      const removed = await connector.narrowToOwner(listId, owner.email)
      return { removed: keysOf(removed, ports.people()) }
    },
  }
}

/** Signs in by reading the mail domain; a domain not there yet is fine (created with the first room). */
async function testConnection(connection: TargetConnection) {
  const { http, mailDomain } = connection
  const probe = await http.send('GET', MailmanHttp.path('domains', mailDomain), { accept: [404] })
  const message: Localized =
    probe.status === 404
      ? {
          ja: `Mailman（${http.root}）にサインインできました。メールドメイン ${mailDomain} はまだないため、最初の会議室を作るときに Renkei が作成します。`,
          en: `Signed in to Mailman (${http.root}). The mail domain ${mailDomain} does not exist yet; Renkei creates it with the first room.`,
        }
      : {
          ja: `Mailman（${http.root}）にサインインできました。メールドメイン ${mailDomain} があります。`,
          en: `Signed in to Mailman (${http.root}). The mail domain ${mailDomain} exists.`,
        }
  return { ok: true, message }
}
