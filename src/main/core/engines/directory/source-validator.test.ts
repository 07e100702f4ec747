import { describe, expect, it } from 'vitest'
import type { DirectoryDepartment, DirectoryEmployee } from '../../../../shared/model/directory'
import { SourceInputError, type SourceRead } from './directory-connectors'
import { SourceProblemCollector } from './source-problems'
import { validateSourceRead } from './source-validator'

const employee = (key: string, dept: string | null, login = key): DirectoryEmployee => ({
  key,
  login,
  nameJa: `社員 ${key}`,
  nameEn: null,
  kana: null,
  email: null,
  mainDepartment: dept,
  otherDepartments: [],
  positions: [],
  groups: [],
  active: true,
})
const department = (code: string, parent: string | null): DirectoryDepartment => ({
  code,
  nameJa: code,
  nameEn: null,
  parent,
  order: 1,
})

function read(employees: DirectoryEmployee[], departments: DirectoryDepartment[]): SourceRead {
  return {
    snapshot: { employees, departments, positions: [], groups: [] },
    locations: {
      employees: employees.map((_, i) => ({ where: 'users.csv', line: i + 2 })),
      departments: departments.map((_, i) => ({ where: 'departments.csv', line: i + 2 })),
    },
  }
}

function problems(r: SourceRead): string[] {
  try {
    validateSourceRead(r)
    return []
  } catch (error) {
    if (!(error instanceof SourceInputError)) throw error
    return error.problems.map((p) => p.message.ja)
  }
}

describe('validateSourceRead', () => {
  it('accepts a consistent source', () => {
    expect(
      problems(
        read([employee('E1', 'A'), employee('E2', null)], [department('A', null), department('B', 'A')]),
      ),
    ).toEqual([])
  })

  it('names the line of a duplicate key and of the first occurrence', () => {
    const found = problems(
      read([employee('E1', null), employee('E2', null), employee('E1', null, 'other')], []),
    )
    expect(found).toEqual([
      expect.stringMatching(/^users\.csv の 4 行目: 社員のキー「E1」が重複しています（最初の出現: 2 行目）/),
    ])
  })

  it('reports an unknown department with the employee line, and duplicate logins case-insensitively', () => {
    const found = problems(
      read([employee('E1', 'X'), employee('E2', null, 'E1'.toLowerCase())], [department('A', null)]),
    )
    expect(found).toEqual([
      expect.stringMatching(/^users\.csv の 3 行目: ログインID「e1」が重複/),
      expect.stringMatching(/^users\.csv の 2 行目: 社員「E1」の部署コード「X」は組織ファイルにありません/),
    ])
  })

  it('finds a cycle in the department tree and a parent that does not exist', () => {
    const found = problems(
      read([], [department('A', 'C'), department('B', 'A'), department('C', 'B'), department('D', 'Z')]),
    )
    expect(found).toHaveLength(2)
    expect(found[0]).toMatch(/^departments\.csv の 2 行目: 部署の親子関係が循環しています/)
    expect(found[1]).toMatch(/^departments\.csv の 5 行目: 部署「D」の上位部署コード「Z」/)
  })

  it("lists a reader's problems first, then the cross-record ones, in one error", () => {
    const reader = new SourceProblemCollector()
    reader.add({ where: 'users.csv', line: 9 }, { ja: '列数が違います', en: 'wrong cell count' })
    const error: unknown = (() => {
      try {
        validateSourceRead(read([employee('E1', 'X')], []), reader.toError() ?? undefined)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(SourceInputError)
    expect((error as SourceInputError).problems.map((p) => p.location?.line)).toEqual([9, 2])
  })

  it('keeps the first 10,000 problems and counts the rest', () => {
    const employees = Array.from({ length: 10_005 }, () => employee('E1', null, 'x'))
    const error: unknown = (() => {
      try {
        validateSourceRead(read(employees, []))
      } catch (e) {
        return e
      }
    })()
    // 10,004 duplicate keys and 10,004 duplicate logins.
    expect((error as SourceInputError).problems).toHaveLength(10_000)
    expect((error as SourceInputError).omitted).toBe(10_008)
  })

  it("points at the desknet's NEO export format when a code is written as an @ or * reference", () => {
    const found = problems(read([employee('E1', '@A')], [department('A', null), department('B', '*1')]))
    expect(found).toHaveLength(2)
    for (const message of found)
      expect(message).toContain("「書き出しの形式」で desknet's NEO を選んでください")
  })
})
