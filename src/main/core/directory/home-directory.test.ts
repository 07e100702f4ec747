import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DirectoryEmployee, DirectorySnapshot } from '../../../shared/model/directory'
import { openDatabase, type Db } from '../store/database'
import { diffHome } from './home-diff'
import { HomeDirectoryRepository } from './home-directory-repository'

function employee(key: string, overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
  return {
    key,
    login: `user${key}`,
    nameJa: `山田 ${key}`,
    nameEn: null,
    kana: 'やまだ',
    email: null,
    mainDepartment: 'D1',
    otherDepartments: [],
    positions: [],
    groups: ['G1'],
    active: true,
    ...overrides,
  }
}

const snapshot = (employees: DirectoryEmployee[]): DirectorySnapshot => ({
  employees,
  departments: [
    { code: 'D1', nameJa: '営業部', nameEn: 'Sales', parent: null, order: 1 },
    { code: 'D2', nameJa: '営業1課', nameEn: null, parent: 'D1', order: 1 },
  ],
  positions: [],
  groups: [{ code: 'G1', nameJa: 'プロジェクトA', nameEn: null }],
})

describe('home directory', () => {
  let dir: string
  let db: Db
  let home: HomeDirectoryRepository
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'renkei-home-'))
    db = openDatabase(dir)
    home = new HomeDirectoryRepository(db)
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  // Grace period 0: people missing from the import are deleted at once (the grace period has its own tests).
  const now = { now: 1000, graceDays: 0 }
  const importSnapshot = (s: DirectorySnapshot): ReturnType<typeof diffHome> => {
    const diff = diffHome(home, s, now)
    home.applyImport(diff, 1000)
    return diff
  }

  it('records created, updated (with fields), suspended, reactivated and deleted between imports', () => {
    const first = importSnapshot(
      snapshot([employee('E1'), employee('E2'), employee('E3', { active: false })]),
    )
    expect(first.changes.filter((c) => c.kind === 'employee').map((c) => c.action)).toEqual([
      'created',
      'created',
      'created',
    ])

    const second = importSnapshot(
      snapshot([
        employee('E1', { email: 'e1@example.jp' }),
        employee('E2', { active: false }),
        employee('E3'),
      ]),
    )
    expect(second.changes.map((c) => [c.key, c.action])).toEqual([
      ['E1', 'updated'],
      ['E2', 'suspended'],
      ['E3', 'reactivated'],
    ])
    expect(second.changes[0]!.fields).toEqual([{ field: 'email', before: null, after: 'e1@example.jp' }])

    const third = importSnapshot(snapshot([employee('E1', { email: 'e1@example.jp' })]))
    expect(third.changes.map((c) => [c.key, c.action, c.name])).toEqual([
      ['E2', 'deleted', '山田 E2'],
      ['E3', 'deleted', '山田 E3'],
    ])
    expect(home.counts()).toMatchObject({ employees: 1, activeEmployees: 1, departments: 2, groups: 1 })
  })

  it('sees no change when the same people arrive in another order with lists reordered', () => {
    importSnapshot(snapshot([employee('E1', { groups: ['G1', 'G2'] }), employee('E2')]))
    const again = diffHome(home, snapshot([employee('E2'), employee('E1', { groups: ['G2', 'G1'] })]), now)
    expect(again.changes).toEqual([])
    expect(again.upserts).toEqual([])
  })

  it('compares by the stored fingerprint hash, and hashes rows written before it was stored (migration 014)', () => {
    importSnapshot(snapshot([employee('E1'), employee('E2')]))
    const hashes = () =>
      db
        .prepare(`SELECT key, fingerprint_hash FROM directory_objects WHERE kind = 'employee'`)
        .raw()
        .all() as [string, unknown][]
    expect(hashes().every(([, hash]) => typeof hash === 'number')).toBe(true)
    // The column is what the diff reads: a wrong hash reads as a change, though the fingerprint is the same.
    db.prepare(`UPDATE directory_objects SET fingerprint_hash = 1 WHERE key = 'E2'`).run()
    const wrong = diffHome(home, snapshot([employee('E1'), employee('E2')]), now)
    expect(wrong.changes.map((c) => [c.key, c.action])).toEqual([['E2', 'updated']])
    expect(wrong.changes[0]!.fields).toEqual([])

    // Rows as an older version wrote them (no hash): the same answers, and the next import gives them one.
    db.prepare('UPDATE directory_objects SET fingerprint_hash = NULL').run()
    expect(diffHome(home, snapshot([employee('E1'), employee('E2')]), now).changes).toEqual([])
    const changed = diffHome(home, snapshot([employee('E1'), employee('E2', { nameJa: '山田 次郎' })]), now)
    expect(changed.changes.map((c) => [c.key, c.action])).toEqual([['E2', 'updated']])
    home.applyImport(changed, 2000)
    expect(hashes().every(([, hash]) => typeof hash === 'number')).toBe(true)
    expect(
      diffHome(home, snapshot([employee('E1'), employee('E2', { nameJa: '山田 次郎' })]), now).changes,
    ).toEqual([])
    expect(diffHome(home, snapshot([employee('E1'), employee('E2')]), now).changes).toHaveLength(1)
  })

  it('leaves the previous import whole when the transaction fails part way', () => {
    importSnapshot(snapshot([employee('E1')]))
    const diff = diffHome(home, snapshot([employee('E1', { nameJa: '変更 後' }), employee('E2')]), now)
    expect(() =>
      home.applyImport(diff, 2000, () => {
        throw new Error('disk full')
      }),
    ).toThrow('disk full')
    expect(home.snapshot().employees.map((e) => e.nameJa)).toEqual(['山田 E1'])
    expect(home.importedAt()).toBe(1000)
  })

  it('lists departments with head counts and pages employees by department and text', () => {
    importSnapshot(
      snapshot([
        employee('E1'),
        employee('E2', { mainDepartment: 'D2', nameJa: '佐藤 花子' }),
        employee('E3'),
      ]),
    )
    expect(home.departments().map((d) => [d.code, d.employeeCount])).toEqual([
      ['D1', 2],
      ['D2', 1],
    ])
    const page1 = home.employees({ department: 'D1', limit: 1 })
    expect(page1.employees.map((e) => e.key)).toEqual(['E1'])
    const page2 = home.employees({ department: 'D1', limit: 1, after: page1.nextAfter! })
    expect(page2).toMatchObject({ employees: [{ key: 'E3' }], nextAfter: null })
    expect(home.employees({ text: '佐藤', limit: 10 }).employees.map((e) => e.key)).toEqual(['E2'])
    expect(home.employees({ text: '100%', limit: 10 }).employees).toEqual([])
  })
})
