import type { LinkScheduleItem, PresenceEntry } from '../../../../../shared/model/sitelink'
import type {
  LinkCompany,
  LinkDepartment,
  LinkEmployee,
  LinkPosition,
  PartnerDirectoryPage,
} from '../../../../../shared/model/sitelink-exchange'
import type { Db } from '../../../store/database'

export interface PartnerDirectoryQuery {
  readonly department?: string
  readonly query?: string
  readonly offset: number
  /** Today's date (YYYY-MM-DD, local): whose presence is shown. */
  readonly today: string
}

export const partnerPageSize = 100

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Reads what partners sent: the directory screens browse it, the partner feeds read its schedules. */
export class PartnerDirectoryReader {
  constructor(private readonly db: Db) {}

  private data<T>(sql: string, ...params: unknown[]): T[] {
    return (
      this.db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).map((d) => JSON.parse(d) as T)
  }

  page(linkId: string, q: PartnerDirectoryQuery): PartnerDirectoryPage {
    const departments = this.data<LinkDepartment>(
      `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'department'`,
      linkId,
    )
    const byCode = new Map(departments.map((d) => [d.code, d]))
    const searching = Boolean(q.query)
    const { employees, total } = this.employees(linkId, q)
    return {
      linkId,
      company:
        this.data<LinkCompany>(
          `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'company'`,
          linkId,
        )[0] ?? null,
      path: searching ? [] : pathTo(q.department ?? null, byCode),
      departments: searching ? [] : this.children(linkId, q.department ?? null, departments),
      employees: employees.map((e) => ({ ...e, presence: this.presence(linkId, e.key, q.today) })),
      total,
      offset: q.offset,
      nextOffset: q.offset + employees.length < total ? q.offset + employees.length : null,
      positions: this.data<LinkPosition>(
        `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'position'`,
        linkId,
      ).sort((a, b) => a.rank - b.rank),
    }
  }

  private children(linkId: string, parent: string | null, all: readonly LinkDepartment[]) {
    const counts = new Map(
      this.db
        .prepare(
          `SELECT owner, count(*) FROM partner_items WHERE link_id = ? AND kind = 'employee' GROUP BY owner`,
        )
        .raw()
        .all(linkId) as [string | null, number][],
    )
    return all
      .filter((d) => d.parent === parent)
      .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
      .map((d) => ({ ...d, employeeCount: counts.get(d.code) ?? 0 }))
  }

  /** A search covers everyone; otherwise the people whose main department is the one shown. */
  private employees(linkId: string, q: PartnerDirectoryQuery): { employees: LinkEmployee[]; total: number } {
    const where = [`link_id = ?`, `kind = 'employee'`]
    const params: unknown[] = [linkId]
    if (q.query) {
      where.push(`search LIKE ? ESCAPE '\\'`)
      params.push(`%${likeEscape(q.query.toLowerCase())}%`)
    } else if (q.department !== undefined) {
      where.push('owner = ?')
      params.push(q.department)
    }
    const clause = where.join(' AND ')
    const total = this.db
      .prepare(`SELECT count(*) FROM partner_items WHERE ${clause}`)
      .pluck()
      .get(...params) as number
    const employees = this.data<LinkEmployee>(
      `SELECT data FROM partner_items WHERE ${clause} ORDER BY key LIMIT ? OFFSET ?`,
      ...params,
      partnerPageSize,
      q.offset,
    )
    return { employees, total }
  }

  private presence(linkId: string, employeeKey: string, today: string): PresenceEntry | null {
    const data = this.db
      .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'presence' AND key = ?`)
      .pluck()
      .get(linkId, `${employeeKey}\t${today}`) as string | undefined
    return data === undefined ? null : (JSON.parse(data) as PresenceEntry)
  }

  /** The partner's employees by key with their display names (the partner feeds' calendar names). */
  employeeNames(linkId: string): { readonly key: string; readonly name: string }[] {
    return this.data<LinkEmployee>(
      `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'employee' ORDER BY key`,
      linkId,
    ).map((e) => ({ key: e.key, name: e.nameJa }))
  }

  /** A partner employee's schedules (or the whole site's with null), for the partner feeds. */
  itemsFor(linkId: string, employeeKey: string | null): LinkScheduleItem[] {
    return employeeKey === null
      ? this.data(
          `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'schedule' ORDER BY start`,
          linkId,
        )
      : this.data(
          `SELECT data FROM partner_items WHERE link_id = ? AND kind = 'schedule' AND owner = ? ORDER BY start`,
          linkId,
          employeeKey,
        )
  }
}

/** The department and its ancestors, top first; a cycle in a partner's data stops the walk. */
function pathTo(code: string | null, byCode: ReadonlyMap<string, LinkDepartment>): LinkDepartment[] {
  const path: LinkDepartment[] = []
  const seen = new Set<string>()
  for (let d = code === null ? undefined : byCode.get(code); d && !seen.has(d.code);) {
    seen.add(d.code)
    path.unshift(d)
    d = d.parent === null ? undefined : byCode.get(d.parent)
  }
  return path
}
