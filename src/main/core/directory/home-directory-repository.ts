import type {
  DepartmentSummary,
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryObjectKind,
  DirectoryPosition,
  DirectorySnapshot,
  EmployeePage,
  EmployeeSummary,
} from '../../../shared/model/directory'
import type { Db } from '../store/database'
import type { HomeDiff, StoredHomeView } from './home-diff'
import { fingerprintHash, recordFingerprint, recordSearch, type HomeObject } from './home-records'

export interface HomeCounts {
  readonly employees: number
  readonly activeEmployees: number
  readonly departments: number
  readonly positions: number
  readonly groups: number
}

/** One stored object as written: its key, fingerprint (`home-records.ts`) and JSON. */
export interface StoredRow {
  readonly key: string
  readonly fingerprint: string
  readonly data: string
}

export interface EmployeeQuery {
  readonly department?: string
  readonly text?: string
  readonly after?: string
  readonly limit: number
}

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The home directory in SQLite: every later engine reads people and departments from here. */
export class HomeDirectoryRepository implements StoredHomeView {
  constructor(private readonly db: Db) {}

  /**
   * Every stored object's fingerprint hash, from the column written with it (migration 014): its covering
   * index is read, not the rows' JSON, and no fingerprint is re-hashed. Rows written before it are hashed here.
   * Row by row: 100,000 rows read at once lived long enough to be promoted, then were garbage for the rest of
   * the preview (~20 MB of its peak).
   */
  fingerprints(): Map<string, number> {
    const ids = `kind || char(9) || key` // recordId(kind, key)
    const rows = this.db
      .prepare(`SELECT ${ids}, fingerprint_hash FROM directory_objects`)
      .raw()
      .iterate() as IterableIterator<[string, number | null]>
    const hashes = new Map<string, number>()
    for (const [id, hash] of rows) if (hash !== null) hashes.set(id, hash)
    const unhashed = this.db
      .prepare(`SELECT ${ids}, fingerprint FROM directory_objects WHERE fingerprint_hash IS NULL`)
      .raw()
      .iterate() as IterableIterator<[string, string]>
    for (const [id, fingerprint] of unhashed) hashes.set(id, fingerprintHash(fingerprint))
    return hashes
  }

  leavers(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT key, missing_since FROM directory_objects WHERE missing_since IS NOT NULL AND kind = 'employee'`,
      )
      .raw()
      .all() as [string, number][]
    return new Map(rows)
  }

  objects(ids: readonly string[]): Map<string, HomeObject> {
    const select = this.db.prepare('SELECT data FROM directory_objects WHERE kind = ? AND key = ?').pluck()
    const found = new Map<string, HomeObject>()
    for (const id of ids) {
      const [kind, key] = id.split('\t') as [string, string]
      const data = select.get(kind, key) as string | undefined
      if (data !== undefined) found.set(id, JSON.parse(data) as HomeObject)
    }
    return found
  }

  /** One transaction: readers see the previous import or this one, never a mix (and a kill -9 keeps the previous). */
  applyImport(diff: HomeDiff, importedAt: number, alsoInTransaction: () => void = () => {}): void {
    const upsert = this.db.prepare(
      `INSERT INTO directory_objects (kind, key, fingerprint, fingerprint_hash, data, dept, search, missing_since)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(kind, key) DO UPDATE SET fingerprint = excluded.fingerprint,
         fingerprint_hash = excluded.fingerprint_hash, data = excluded.data, dept = excluded.dept,
         search = excluded.search, missing_since = excluded.missing_since`,
    )
    const remove = this.db.prepare('DELETE FROM directory_objects WHERE kind = ? AND key = ?')
    const stamp = this.db.prepare(
      `INSERT INTO directory_state (name, value) VALUES ('imported-at', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
    )
    // Rows written before migration 014 get their hash once, by the first import after it.
    this.db.function('renkei_fingerprint_hash', { deterministic: true }, (fingerprint: unknown) =>
      fingerprintHash(String(fingerprint)),
    )
    const backfill = this.db.prepare(
      `UPDATE directory_objects SET fingerprint_hash = renkei_fingerprint_hash(fingerprint)
       WHERE fingerprint_hash IS NULL`,
    )
    this.db.transaction(() => {
      for (const r of diff.upserts) {
        const data = JSON.stringify(r.object)
        const fingerprint = recordFingerprint(r)
        const hash = fingerprintHash(fingerprint)
        upsert.run(r.kind, r.key, fingerprint, hash, data, r.dept, recordSearch(r), r.missingSince)
      }
      for (const d of diff.deletes) remove.run(d.kind, d.key)
      backfill.run()
      stamp.run(String(importedAt))
      alsoInTransaction()
    })()
  }

  importedAt(): number | null {
    const value = this.db
      .prepare(`SELECT value FROM directory_state WHERE name = 'imported-at'`)
      .pluck()
      .get() as string | undefined
    return value === undefined ? null : Number(value)
  }

  snapshot(): DirectorySnapshot {
    return {
      employees: this.all<DirectoryEmployee>('employee'),
      departments: this.all<DirectoryDepartment>('department'),
      positions: this.all<DirectoryPosition>('position'),
      groups: this.all<DirectoryGroup>('group'),
    }
  }

  /** Employees held (leavers included), from the primary key alone: cheap enough to ask on every send. */
  employeeCount(): number {
    return this.db
      .prepare(`SELECT count(*) FROM directory_objects WHERE kind = 'employee'`)
      .pluck()
      .get() as number
  }

  counts(): HomeCounts {
    const rows = this.db
      .prepare('SELECT kind, count(*) FROM directory_objects GROUP BY kind')
      .raw()
      .all() as [DirectoryObjectKind, number][]
    const by = new Map(rows)
    const active = this.db
      .prepare(
        `SELECT count(*) FROM directory_objects WHERE kind = 'employee' AND json_extract(data, '$.active')`,
      )
      .pluck()
      .get() as number
    return {
      employees: by.get('employee') ?? 0,
      activeEmployees: active,
      departments: by.get('department') ?? 0,
      positions: by.get('position') ?? 0,
      groups: by.get('group') ?? 0,
    }
  }

  departments(): DepartmentSummary[] {
    const counts = new Map(
      this.db
        .prepare(`SELECT dept, count(*) FROM directory_objects WHERE kind = 'employee' GROUP BY dept`)
        .raw()
        .all() as [string | null, number][],
    )
    return this.all<DirectoryDepartment>('department').map((d) => ({
      ...d,
      employeeCount: counts.get(d.code) ?? 0,
    }))
  }

  /** Most senior first, as a picker lists them. */
  positions(): DirectoryPosition[] {
    return this.all<DirectoryPosition>('position').sort((a, b) => a.rank - b.rank)
  }

  groups(): DirectoryGroup[] {
    return this.all<DirectoryGroup>('group')
  }

  /** Keyset pages in key order, filtered by main department and free text. */
  employees(query: EmployeeQuery): EmployeePage {
    const where = [`kind = 'employee'`]
    const params: (string | number)[] = []
    const filter = (clause: string, value: string): void => {
      where.push(clause)
      params.push(value)
    }
    if (query.department !== undefined) filter('dept = ?', query.department)
    if (query.text) filter(`search LIKE ? ESCAPE '\\'`, `%${likeEscape(query.text.toLowerCase())}%`)
    if (query.after !== undefined) filter('key > ?', query.after)
    const rows = this.db
      .prepare(`SELECT data FROM directory_objects WHERE ${where.join(' AND ')} ORDER BY key LIMIT ?`)
      .pluck()
      .all(...params, query.limit + 1) as string[]
    const page = rows.slice(0, query.limit).map((data) => summary(JSON.parse(data) as DirectoryEmployee))
    return { employees: page, nextAfter: rows.length > query.limit ? page[page.length - 1]!.key : null }
  }

  /**
   * Keyset pages of one kind in key order, for readers that write between pages (the site link outbox). The
   * data stays text: a reader that compares fingerprints parses only what changed.
   */
  page(kind: DirectoryObjectKind, after: string | null, limit: number): StoredRow[] {
    return this.db
      .prepare(
        'SELECT key, fingerprint, data FROM directory_objects WHERE kind = ? AND key > ? ORDER BY key LIMIT ?',
      )
      .all(kind, after ?? '', limit) as StoredRow[]
  }

  private all<T>(kind: DirectoryObjectKind): T[] {
    const rows = this.db
      .prepare('SELECT data FROM directory_objects WHERE kind = ? ORDER BY key')
      .pluck()
      .all(kind)
    return (rows as string[]).map((data) => JSON.parse(data) as T)
  }
}

function summary(e: DirectoryEmployee): EmployeeSummary {
  const { key, login, nameJa, nameEn, email, mainDepartment, positions, active } = e
  return { key, login, nameJa, nameEn, email, mainDepartment, positions, active }
}
