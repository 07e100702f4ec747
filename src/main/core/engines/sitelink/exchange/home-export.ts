import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryPosition,
} from '../../../../../shared/model/directory'
import type { LinkDataKind } from '../../../../../shared/model/sitelink'
import type {
  LinkCompany,
  LinkDepartment,
  LinkEmployee,
  LinkPosition,
} from '../../../../../shared/model/sitelink-exchange'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { PresenceExportSource, ScheduleExportSource, SiteProfileSource } from './exchange-ports'

/** One item of the home export: a stable key and the data partners get. `until` ends a schedule. */
export interface ExportItem {
  readonly key: string
  readonly data: unknown
  readonly until: number | null
}

export interface HomeExportSources {
  readonly home: HomeDirectoryRepository
  readonly profile: SiteProfileSource
  readonly schedules: ScheduleExportSource
  readonly presence: PresenceExportSource
}

/** Items per page read from SQLite: the planner writes between pages, so no statement is left open. */
const pageSize = 2000

/** No login, password or group leaves the site (seed 機能制限: IDs and passwords are never linked). */
export function linkEmployee(e: DirectoryEmployee): LinkEmployee {
  return {
    key: e.key,
    nameJa: e.nameJa,
    nameEn: e.nameEn,
    kana: e.kana,
    email: e.email,
    mainDepartment: e.mainDepartment,
    otherDepartments: e.otherDepartments,
    positions: e.positions,
    active: e.active,
  }
}

const linkDepartment = (d: DirectoryDepartment): LinkDepartment => ({
  code: d.code,
  nameJa: d.nameJa,
  nameEn: d.nameEn,
  parent: d.parent,
  order: d.order,
})

const linkPosition = (p: DirectoryPosition): LinkPosition => ({
  code: p.code,
  nameJa: p.nameJa,
  nameEn: p.nameEn,
  rank: p.rank,
})

async function* directoryPages<T extends DirectoryEmployee | DirectoryDepartment | DirectoryPosition>(
  home: HomeDirectoryRepository,
  kind: 'employee' | 'department' | 'position',
  keyOf: (o: T) => string,
  toData: (o: T) => unknown,
): AsyncGenerator<ExportItem[]> {
  let after: string | null = null
  for (;;) {
    const rows: T[] = home.page<T>(kind, after, pageSize)
    if (rows.length === 0) return
    yield rows.map((o) => ({ key: keyOf(o), data: toData(o), until: null }))
    after = keyOf(rows[rows.length - 1]!)
  }
}

async function* inPages<T>(items: AsyncIterable<T> | Iterable<T>, toItem: (t: T) => ExportItem) {
  let page: ExportItem[] = []
  for await (const item of items) {
    page.push(toItem(item))
    if (page.length >= pageSize) {
      yield page
      page = []
    }
  }
  if (page.length > 0) yield page
}

/** The home site's data of one kind, page by page, as every partner gets it. */
export function exportKind(
  sources: HomeExportSources,
  kind: LinkDataKind,
  signal: AbortSignal,
): AsyncIterable<ExportItem[]> {
  switch (kind) {
    case 'company': {
      const profile = sources.profile.profile()
      const data: LinkCompany[] = profile
        ? [{ companyName: profile.companyName, siteName: profile.siteName }]
        : []
      return inPages(data, (c) => ({ key: 'company', data: c, until: null }))
    }
    case 'employee':
      return directoryPages<DirectoryEmployee>(sources.home, 'employee', (e) => e.key, linkEmployee)
    case 'department':
      return directoryPages<DirectoryDepartment>(sources.home, 'department', (d) => d.code, linkDepartment)
    case 'position':
      return directoryPages<DirectoryPosition>(sources.home, 'position', (p) => p.code, linkPosition)
    case 'schedule':
      // The same event may sit in several people's calendars: the key names whose occurrence it is.
      return inPages(sources.schedules.items(signal), (s) => ({
        key: `${s.employeeKey}\t${s.id}`,
        data: s,
        until: s.end,
      }))
    case 'presence':
      return inPages(sources.presence.entries(), (p) => ({
        key: `${p.employeeKey}\t${p.date}`,
        data: p,
        until: null,
      }))
  }
}
