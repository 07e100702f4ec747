/** Rooms, connectors and assertions shared by the Mailman connector tests. */
import { expect } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { MailmanConnector } from '../../src/main/core/connectors/mailman/mailman-connector'
import { FileDecorationPublisher } from '../../src/main/core/connectors/mailman/mailman-decoration'
import { listNameForRoom } from '../../src/main/core/connectors/mailman/mailman-limits'
import type { RoomListSpec } from '../../src/main/core/connectors/mailman/mailman-types'
import type { MailmanServer } from './mailman'

export const roomHost = 'rooms.example.test'

export interface ConnectorOverrides {
  readonly password?: string
  readonly fetch?: typeof fetch
  readonly pageSize?: number
  readonly baseUrl?: string
}

/** A connector to `server` (2 s timeout) that publishes decoration into `templates`. */
export function mailmanConnector(server: MailmanServer, templates: string, options: ConnectorOverrides = {}) {
  return new MailmanConnector(
    { baseUrl: options.baseUrl ?? server.baseUrl, adminUser: server.adminUser, timeoutMs: 2000 },
    options.password ?? server.password,
    { decorations: new FileDecorationPublisher(templates), fetch: options.fetch, pageSize: options.pageSize },
  )
}

/** A room's list with the seed's Japanese texts (F-2 rows 1, 7, 13, 14) and one owner. */
export const roomSpec = (roomId: string, more: Partial<RoomListSpec> = {}): RoomListSpec => ({
  listName: listNameForRoom(roomId),
  mailHost: roomHost,
  displayName: '新製品開発プロジェクト 会議室',
  description: '自動生成された会議室',
  info: 'コミュニティ「新製品開発」の会議室です。\n詳細は https://renkei.example.test/rooms/1 を参照。',
  header: 'このメールは,電子会議室から自動配信されたメールです。',
  footer: 'このメールは,電子会議室の内容を配信しています。詳細は,URLをご参照ください。\n会費 $5',
  owners: [{ email: 'owner@example.test', displayName: '山田 太郎' }],
  ...more,
})

export async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

export const sortedEmails = (entries: readonly { email: string }[]) => entries.map((e) => e.email).sort()

const adminAuth = (server: MailmanServer) =>
  'Basic ' + Buffer.from(`${server.adminUser}:${server.password}`).toString('base64')

/** What an admin does by hand in Mailman (Postorius or REST), outside Renkei. */
export async function adminPatch(server: MailmanServer, listId: string, config: Record<string, unknown>) {
  const answer = await fetch(`${server.baseUrl}/lists/${listId}/config`, {
    method: 'PATCH',
    headers: { authorization: adminAuth(server), 'content-type': 'application/json' },
    body: JSON.stringify(config),
  })
  expect(answer.status).toBe(204)
}

/** A member's delivery status as Mailman applies it (member, address, user and site preferences combined). */
export async function deliveryOf(server: MailmanServer, listId: string, email: string): Promise<string> {
  const read = async (path: string) => {
    const answer = await fetch(server.baseUrl + path, { headers: { authorization: adminAuth(server) } })
    expect(answer.status).toBe(200)
    return (await answer.json()) as Record<string, unknown>
  }
  const member = await read(`/lists/${listId}/member/${encodeURIComponent(email)}`)
  const preferences = await read(`/members/${String(member.member_id)}/all/preferences`)
  return String(preferences.delivery_status)
}
