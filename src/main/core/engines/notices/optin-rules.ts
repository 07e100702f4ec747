import {
  noticeKinds,
  type NoticeKind,
  type NoticeOptInRule,
  type NoticeOptInScope,
} from '../../../../shared/model/notices'
import type { Db } from '../../store/database'
import type { NoticePerson, PeopleIndex } from './core-people'

type KindRules = ReadonlyMap<NoticeKind, boolean>

/** The bulk rules (group, department, everyone) by code: few, read once per change. */
export interface BulkRules {
  readonly group: ReadonlyMap<string, KindRules>
  readonly department: ReadonlyMap<string, KindRules>
  readonly everyone: KindRules
  readonly list: readonly NoticeOptInRule[]
}

interface RuleRow {
  scope: NoticeOptInScope
  code: string
  kind: NoticeKind
  enabled: number
}

function byCode(
  rules: readonly NoticeOptInRule[],
  scope: NoticeOptInScope,
): Map<string, Map<NoticeKind, boolean>> {
  const map = new Map<string, Map<NoticeKind, boolean>>()
  for (const r of rules) {
    if (r.scope !== scope) continue
    let kinds = map.get(r.code)
    if (!kinds) map.set(r.code, (kinds = new Map()))
    kinds.set(r.kind, r.enabled)
  }
  return map
}

/**
 * Whether one kind reaches one person, as documented on `noticeOptInScopes`: the person's own rule; any of
 * their groups (on beats off); the nearest department rule walking up from the main department; everyone; off.
 */
export function optedIn(
  person: NoticePerson,
  kind: NoticeKind,
  own: KindRules,
  bulk: BulkRules,
  parents: PeopleIndex['parents'],
): boolean {
  const mine = own.get(kind)
  if (mine !== undefined) return mine
  const groupRules = person.groups.map((g) => bulk.group.get(g)?.get(kind)).filter((v) => v !== undefined)
  if (groupRules.length > 0) return groupRules.includes(true)
  const seen = new Set<string>()
  for (let dept = person.department; dept !== null && !seen.has(dept); dept = parents.get(dept) ?? null) {
    seen.add(dept)
    const rule = bulk.department.get(dept)?.get(kind)
    if (rule !== undefined) return rule
  }
  return bulk.everyone.get(kind) ?? false
}

/** The rules in table notice_optins: bulk ones cached until they change, a person's own read per person. */
export class OptInStore {
  private bulkCache: { stamp: string; rules: BulkRules } | null = null
  private version = 0
  private readonly ownRows

  constructor(private readonly db: Db) {
    this.ownRows = db.prepare(`SELECT kind, enabled FROM notice_optins WHERE scope = 'employee' AND code = ?`)
  }

  bulk(): BulkRules {
    // Another process (the CLI) may have changed them: its commits move data_version.
    const stamp = `${this.version}|${String(this.db.pragma('data_version', { simple: true }))}`
    if (this.bulkCache?.stamp === stamp) return this.bulkCache.rules
    const rows = this.db
      .prepare(
        `SELECT scope, code, kind, enabled FROM notice_optins WHERE scope <> 'employee' ORDER BY scope, code, kind`,
      )
      .all() as RuleRow[]
    const list = rows.map((r) => ({ scope: r.scope, code: r.code, kind: r.kind, enabled: r.enabled === 1 }))
    const rules: BulkRules = {
      group: byCode(list, 'group'),
      department: byCode(list, 'department'),
      everyone: byCode(list, 'everyone').get('') ?? new Map(),
      list,
    }
    this.bulkCache = { stamp, rules }
    return rules
  }

  own(employeeKey: string): KindRules {
    const rows = this.ownRows.all(employeeKey) as { kind: NoticeKind; enabled: number }[]
    return new Map(rows.map((r) => [r.kind, r.enabled === 1]))
  }

  /** The kinds one person gets now. */
  kindsFor(person: NoticePerson, parents: PeopleIndex['parents'], own = this.own(person.key)): NoticeKind[] {
    const bulk = this.bulk()
    return noticeKinds.filter((kind) => optedIn(person, kind, own, bulk, parents))
  }

  /** Sets (true/false) or removes (null) one rule per kind, in one transaction. */
  set(scope: NoticeOptInScope, code: string, kinds: readonly NoticeKind[], enabled: boolean | null): void {
    const upsert = this.db.prepare(
      `INSERT INTO notice_optins (scope, code, kind, enabled) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, code, kind) DO UPDATE SET enabled = excluded.enabled`,
    )
    const remove = this.db.prepare('DELETE FROM notice_optins WHERE scope = ? AND code = ? AND kind = ?')
    this.db.transaction(() => {
      for (const kind of kinds) {
        if (enabled === null) remove.run(scope, code, kind)
        else upsert.run(scope, code, kind, enabled ? 1 : 0)
      }
    })()
    this.version++
  }
}
