/**
 * A list's roster (members, owners or moderators) read page by page (`count`/`page`) and proved whole, or
 * an error: removals are planned from rosters, and a partial read must never drive one. Every page must sit
 * where it was asked (`start`), agree on `total_size`, be full unless it is the last, and name each
 * membership once; the pages together must hold exactly `total_size` entries.
 */
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { MailmanHttp, type MailmanResponse } from './mailman-http'
import { mailmanMessages } from './mailman-messages'

export type RosterRole = 'member' | 'owner' | 'moderator'

export interface RosterEntry {
  /** Mailman's membership id: what DELETE /members/{id} takes. */
  readonly memberId: string
  readonly email: string
  readonly displayName: string
  readonly role: RosterRole
}

export type PageReader = (path: string) => Promise<MailmanResponse>

interface RosterPage {
  readonly start: number
  readonly totalSize: number
  readonly entries: readonly RosterEntry[]
}

const roleNames: Record<RosterRole, Localized> = {
  member: { ja: 'メンバー', en: 'member' },
  owner: { ja: '所有者', en: 'owner' },
  moderator: { ja: 'モデレーター', en: 'moderator' },
}

function parsePage(body: unknown, role: RosterRole): RosterPage | null {
  const page = (body ?? {}) as { start?: unknown; total_size?: unknown; entries?: unknown }
  if (!Number.isInteger(page.start) || !Number.isInteger(page.total_size)) return null
  const raw = page.entries ?? []
  if (!Array.isArray(raw)) return null
  const entries: RosterEntry[] = []
  for (const item of raw as { member_id?: unknown; email?: unknown; display_name?: unknown }[]) {
    if (typeof item?.member_id !== 'string' || typeof item.email !== 'string') return null
    const displayName = typeof item.display_name === 'string' ? item.display_name : ''
    entries.push({ memberId: item.member_id, email: item.email, displayName, role })
  }
  return { start: page.start as number, totalSize: page.total_size as number, entries }
}

/** Reads the whole roster or throws a permanent/transient ConnectorError saying nothing was changed. */
export async function readWholeRoster(
  read: PageReader,
  listId: string,
  role: RosterRole,
  pageSize: number,
): Promise<RosterEntry[]> {
  const contradiction = (detail: string) =>
    new ConnectorError('permanent', mailmanMessages.rosterContradicts(detail))
  const entries: RosterEntry[] = []
  const seen = new Set<string>()
  let total: number | null = null
  try {
    for (let page = 1; total === null || entries.length < total; page++) {
      const path = `${MailmanHttp.path('lists', listId, 'roster', role)}?count=${pageSize}&page=${page}`
      const parsed = parsePage((await read(path)).body, role)
      if (parsed === null) throw contradiction(`page ${page} is not a roster page`)
      if (parsed.start !== (page - 1) * pageSize)
        throw contradiction(`page ${page} starts at ${parsed.start}, not ${(page - 1) * pageSize}`)
      if (total !== null && parsed.totalSize !== total)
        throw contradiction(`total_size ${total} became ${parsed.totalSize}`)
      total = parsed.totalSize
      const expected = Math.min(pageSize, total - entries.length)
      if (parsed.entries.length !== expected)
        throw contradiction(`page ${page} holds ${parsed.entries.length} entries, ${expected} expected`)
      for (const entry of parsed.entries) {
        if (seen.has(entry.memberId)) throw contradiction(`membership ${entry.memberId} listed twice`)
        seen.add(entry.memberId)
        entries.push(entry)
      }
    }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    const message = mailmanMessages.rosterIncomplete(listId, roleNames[role], error.localized)
    throw new ConnectorError(error.kind, message, error.serverAnswer, error.httpStatus)
  }
  return entries
}
