import type { Localized } from '../../../../shared/model/localized'
import type { DirectoryExclusions } from '../../../../shared/model/directory-config'
import { normalizeDn } from '../../connectors/ldap/ldap-dn'
import type { TargetAccount, TargetGroupAccount, TargetState, TargetUserEntry } from './directory-connectors'
import type { OwnedObject, OwnershipRecord } from './ownership-ledger'

/** A target account Renkei owns, under the key its ledger gave it (whatever key attribute it carries now). */
export type OwnedUser = TargetUserEntry & { readonly handle: string }
export interface OwnedGroup {
  readonly key: string
  readonly ref: string
  readonly handle: string
  readonly displayName: string
  readonly memberRefs: readonly string[]
}

/** A ledger row to write when the run starts: a pending create recognised, or a handle/ref refreshed. */
export interface OwnershipClaim {
  readonly object: OwnedObject
  readonly key: string
  readonly handle: string
  readonly ref: string
  readonly origin: OwnershipRecord['origin']
}

export interface ExcludedAccount {
  readonly account: TargetAccount
  readonly reason: Localized
  /** Set when the account is Renkei's own: that employee is then left alone, not re-created. */
  readonly ownedKey: string | null
}

export interface ClassifiedTarget {
  readonly owned: ReadonlyMap<string, OwnedUser>
  readonly ownedGroups: ReadonlyMap<string, OwnedGroup>
  readonly foreign: readonly TargetAccount[]
  readonly foreignGroups: readonly TargetGroupAccount[]
  readonly excluded: readonly ExcludedAccount[]
  readonly claims: readonly OwnershipClaim[]
}

const globRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'iu',
  )

/** The first exclusion rule an account falls under, as the reason the preview shows; null when none. */
export function exclusionMatcher(rules: DirectoryExclusions): (account: TargetAccount) => Localized | null {
  const logins = rules.logins.map((pattern) => ({ pattern, re: globRegExp(pattern) }))
  const branches = rules.branches.map((branch) => ({ branch, normal: normalizeDn(branch) }))
  return (account) => {
    const login = logins.find((l) => l.re.test(account.login))
    if (login)
      return {
        ja: `除外ルール（ログイン名 ${login.pattern}）`,
        en: `exclusion rule (login ${login.pattern})`,
      }
    const dn = account.dn
    const branch = dn ? branches.find((b) => dn === b.normal || dn.endsWith(`,${b.normal}`)) : undefined
    if (branch)
      return { ja: `除外ルール（ブランチ ${branch.branch}）`, en: `exclusion rule (branch ${branch.branch})` }
    const group = account.groups[0]
    if (group !== undefined)
      return { ja: `除外ルール（グループ ${group}）`, en: `exclusion rule (group ${group})` }
    return null
  }
}

/**
 * Finds the ledger row of each account: by handle, or — for a create whose answer never reached the ledger
 * (kill -9 between request and record) — by the key or login the pending create carried.
 */
class LedgerIndex {
  private readonly byHandle = new Map<string, OwnershipRecord>()
  private readonly pendingByKey = new Map<string, OwnershipRecord>()
  private readonly pendingByLogin = new Map<string, OwnershipRecord>()
  private readonly used = new Set<OwnershipRecord>()

  constructor(records: readonly OwnershipRecord[], object: OwnedObject) {
    for (const record of records) {
      if (record.object !== object) continue
      if (record.handle !== null && record.state === 'owned') this.byHandle.set(record.handle, record)
      else {
        this.pendingByKey.set(record.key, record)
        if (record.login) this.pendingByLogin.set(record.login.toLowerCase(), record)
      }
    }
  }

  find(handle: string, key: string | null, login: string | null): OwnershipRecord | null {
    const owned = this.byHandle.get(handle)
    if (owned) return owned
    const pending =
      (key === null ? undefined : this.pendingByKey.get(key)) ??
      (login ? this.pendingByLogin.get(login.toLowerCase()) : undefined)
    if (!pending || this.used.has(pending)) return null
    this.used.add(pending)
    return pending
  }
}

/** The ledger row needs writing: a pending create recognised, or the handle or ref moved on. */
function claimFor(object: OwnedObject, record: OwnershipRecord, handle: string, ref: string) {
  const stale = record.state === 'pending' || record.handle !== handle || record.ref !== ref
  return stale ? { object, key: record.key, handle, ref, origin: record.origin } : null
}

/** The account under the ledger's key; no copy when it already carries it (the usual case at 100,000). */
const ownedAs = (account: TargetAccount, key: string): OwnedUser =>
  account.key === key ? (account as OwnedUser) : { ...account, key }

/** Sorts what the target holds into Renkei's own, excluded and foreign, from the ledger and the rules. */
export function classifyTarget(
  state: TargetState,
  records: readonly OwnershipRecord[],
  exclusions: DirectoryExclusions,
): ClassifiedTarget {
  const excludedBy = exclusionMatcher(exclusions)
  const users = new LedgerIndex(records, 'user')
  const owned = new Map<string, OwnedUser>()
  const foreign: TargetAccount[] = []
  const excluded: ExcludedAccount[] = []
  const claims: OwnershipClaim[] = []
  for (const account of state.users) {
    const record = users.find(account.handle, account.key, account.login)
    const claim = record && claimFor('user', record, account.handle, account.ref)
    if (claim) claims.push(claim)
    const reason = excludedBy(account)
    if (reason) excluded.push({ account, reason, ownedKey: record?.key ?? null })
    else if (record) owned.set(record.key, ownedAs(account, record.key))
    else foreign.push(account)
  }
  const groups = new LedgerIndex(records, 'group')
  const ownedGroups = new Map<string, OwnedGroup>()
  const foreignGroups: TargetGroupAccount[] = []
  for (const group of state.groups) {
    const record = groups.find(group.handle, group.key, null)
    if (!record) {
      foreignGroups.push(group)
      continue
    }
    const claim = claimFor('group', record, group.handle, group.ref)
    if (claim) claims.push(claim)
    ownedGroups.set(record.key, { ...group, key: record.key })
  }
  return { owned, ownedGroups, foreign, foreignGroups, excluded, claims }
}
