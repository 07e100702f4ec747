import type { DirectorySnapshot } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import {
  SourceInputError,
  type DirectorySourceConnector,
  type ReadProgress,
  type SourceLocation,
  type SourceRead,
} from './directory-connectors'
import { SourceProblemCollector } from './source-problems'

function at(location: SourceLocation | undefined): Localized {
  if (!location) return { ja: '', en: '' }
  return location.line === null
    ? { ja: `${location.where}: `, en: `${location.where}: ` }
    : { ja: `${location.where} の ${location.line} 行目: `, en: `${location.where} line ${location.line}: ` }
}

/** Puts the place in front of each cross-record message, as the readers do for theirs. */
class ProblemList {
  constructor(readonly collector: SourceProblemCollector) {}
  add(location: SourceLocation | undefined, message: Localized): void {
    const prefix = at(location)
    this.collector.add(location ?? null, { ja: prefix.ja + message.ja, en: prefix.en + message.en })
  }
}

function checkDuplicates(
  keys: readonly string[],
  locations: readonly SourceLocation[],
  label: Localized,
  list: ProblemList,
): void {
  const first = new Map<string, number>()
  keys.forEach((key, i) => {
    // An empty key is already reported by the reader as an empty required cell.
    if (key === '') return
    const earlier = first.get(key)
    if (earlier === undefined) return void first.set(key, i)
    const where = locations[earlier]
    const ref = where ? (where.line === null ? where.where : `${where.line}`) : '?'
    list.add(locations[i], {
      ja: `${label.ja}「${key}」が重複しています（最初の出現: ${ref}${where?.line ? ' 行目' : ''}）。どちらかを直してください。`,
      en: `duplicate ${label.en} "${key}" (first seen at ${where?.line ? 'line ' : ''}${ref}). Fix one of them.`,
    })
  })
}

/** desknet's NEO writes "@code" / "*id" references: read with the generic mapping they look like unknown codes. */
function referenceHint(code: string): Localized {
  return code.startsWith('@') || code.startsWith('*')
    ? {
        ja: "desknet's NEO の書き出しなら、CSV の「書き出しの形式」で desknet's NEO を選んでください。",
        en: " If the files are desknet's NEO exports, choose desknet's NEO as the export format.",
      }
    : { ja: '', en: '' }
}

/** Walks each department's parents; a walk longer than the tree, or back to itself, is a cycle. */
function checkTree(
  snapshot: DirectorySnapshot,
  locations: readonly SourceLocation[],
  list: ProblemList,
): void {
  const parentOf = new Map(snapshot.departments.map((d) => [d.code, d.parent]))
  const reported = new Set<string>()
  snapshot.departments.forEach((d, i) => {
    if (d.parent !== null && !parentOf.has(d.parent)) {
      const hint = referenceHint(d.parent)
      list.add(locations[i], {
        ja: `部署「${d.code}」の上位部署コード「${d.parent}」は組織ファイルにありません。${hint.ja}`,
        en: `department "${d.code}" names parent "${d.parent}", which is not in the organisation file.${hint.en}`,
      })
      return
    }
    const seen = new Set<string>([d.code])
    for (let p = d.parent; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
      if (!seen.has(p)) {
        seen.add(p)
        continue
      }
      if (p === d.code && !reported.has(d.code)) {
        for (const code of seen) reported.add(code)
        list.add(locations[i], {
          ja: `部署の親子関係が循環しています（${[...seen].join(' → ')} → ${d.code}）。上位部署コードを直してください。`,
          en: `the department tree has a cycle (${[...seen].join(' → ')} → ${d.code}). Fix the parent codes.`,
        })
      }
      break
    }
  })
}

function checkEmployeeReferences(read: SourceRead, list: ProblemList): void {
  const { snapshot, locations } = read
  const departments = new Set(snapshot.departments.map((d) => d.code))
  const positions = new Set(snapshot.positions.map((p) => p.code))
  const groups = new Set(snapshot.groups.map((g) => g.code))
  snapshot.employees.forEach((e, i) => {
    for (const code of [e.mainDepartment, ...e.otherDepartments]) {
      if (code === null || departments.has(code)) continue
      const hint = referenceHint(code)
      list.add(locations.employees[i], {
        ja: `社員「${e.key}」の部署コード「${code}」は組織ファイルにありません。組織ファイルに追加するか、社員の部署を直してください。${hint.ja}`,
        en: `employee "${e.key}" belongs to department "${code}", which is not in the organisation file. Add it there or fix the employee.${hint.en}`,
      })
    }
    for (const code of e.positions.filter((p) => !positions.has(p))) {
      list.add(locations.employees[i], {
        ja: `社員「${e.key}」の役職「${code}」がありません。`,
        en: `employee "${e.key}" has unknown position "${code}".`,
      })
    }
    for (const code of e.groups.filter((g) => !groups.has(g))) {
      list.add(locations.employees[i], {
        ja: `社員「${e.key}」のグループ「${code}」がありません。`,
        en: `employee "${e.key}" has unknown group "${code}".`,
      })
    }
  })
}

/**
 * Rules every source must meet before anything is applied: unique keys and logins, departments that
 * exist, a tree without cycles. Throws one SourceInputError listing every problem found — after those
 * of `earlier` (the reader's own), so one pass shows them all — keeping the first 10,000.
 */
export function validateSourceRead(read: SourceRead, earlier?: SourceInputError): void {
  const collector = new SourceProblemCollector()
  if (earlier) collector.addError(earlier)
  const list = new ProblemList(collector)
  const { snapshot, locations } = read
  checkDuplicates(
    snapshot.employees.map((e) => e.key),
    locations.employees,
    { ja: '社員のキー', en: 'employee key' },
    list,
  )
  checkDuplicates(
    snapshot.employees.map((e) => e.login.toLowerCase()),
    locations.employees,
    { ja: 'ログインID', en: 'login' },
    list,
  )
  checkDuplicates(
    snapshot.departments.map((d) => d.code),
    locations.departments,
    { ja: '部署コード', en: 'department code' },
    list,
  )
  checkTree(snapshot, locations.departments, list)
  checkEmployeeReferences(read, list)
  const error = collector.toError()
  if (error) throw error
}

/**
 * Reads the source and checks it. When the reader found problems but could read every file to its end,
 * the cross-record rules run over what it read, so their problems come in the same list.
 */
export async function readValidSource(
  source: DirectorySourceConnector,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
): Promise<SourceRead> {
  let read: SourceRead
  try {
    read = await source.read(signal, onProgress)
  } catch (error) {
    if (error instanceof SourceInputError && error.readSoFar) validateSourceRead(error.readSoFar, error)
    throw error
  }
  validateSourceRead(read)
  return read
}
