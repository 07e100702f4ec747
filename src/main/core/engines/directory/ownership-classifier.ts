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

type Held = TargetAccount | TargetGroupAccount

/** What the ledger says of one account: the key Renkei owns it under, and the row to rewrite if stale. */
interface LedgerMatch {
  readonly key: string
  readonly claim: OwnershipClaim | null
}

/**
 * Finds the ledger row of each account: by handle, or — for a create whose answer never reached the ledger
 * (kill -9 between request and record) — by the key or login the pending create carried. The ledger is
 * read once, row by row, and only what matched is kept: at 100,000 accounts holding every row at once
 * cost the preview ~50 MB. Handles map to positions in the listing, and the usual match (owned under the
 * account's own key, nothing to rewrite) is one byte there: a second map keyed by account and a match
 * object per account were several MB more at the preview's peak.
 */
class LedgerIndex {
  private readonly byHandle = new Map<string, number>()
  /** Per position: 1 when the usual match was found; other matches are in `matches`. */
  private readonly plain: Uint8Array
  private readonly matches = new Map<number, LedgerMatch>()
  private readonly pendingByKey = new Map<string, OwnershipRecord>()
  private readonly pendingByLogin = new Map<string, OwnershipRecord>()
  private readonly used = new Set<OwnershipRecord>()

  constructor(
    private readonly object: OwnedObject,
    private readonly accounts: readonly Held[],
  ) {
    accounts.forEach((account, at) => this.byHandle.set(account.handle, at))
    this.plain = new Uint8Array(accounts.length)
  }

  add(record: OwnershipRecord): void {
    if (record.handle !== null && record.state === 'owned') {
      const at = this.byHandle.get(record.handle)
      if (at === undefined) return
      const match = this.match(record, this.accounts[at]!)
      if (match.claim === null && match.key === this.accounts[at]!.key) {
        this.plain[at] = 1
        this.matches.delete(at)
      } else {
        this.plain[at] = 0
        this.matches.set(at, match)
      }
    } else {
      this.pendingByKey.set(record.key, record)
      if (record.login) this.pendingByLogin.set(record.login.toLowerCase(), record)
    }
  }

  find(account: Held, login: string | null): LedgerMatch | null {
    const at = this.byHandle.get(account.handle)
    if (at !== undefined && this.accounts[at] === account) {
      if (this.plain[at] === 1) return { key: account.key!, claim: null }
      const owned = this.matches.get(at)
      if (owned) return owned
    }
    const { key } = account
    const pending =
      (key === null ? undefined : this.pendingByKey.get(key)) ??
      (login ? this.pendingByLogin.get(login.toLowerCase()) : undefined)
    if (!pending || this.used.has(pending)) return null
    this.used.add(pending)
    return this.match(pending, account)
  }

  private match(record: OwnershipRecord, account: Held): LedgerMatch {
    const { handle, ref } = account
    const stale = record.state === 'pending' || record.handle !== handle || record.ref !== ref
    const claim = stale ? { object: this.object, key: record.key, handle, ref, origin: record.origin } : null
    // The account's own key string when equal, so the row's copy can be collected.
    return { key: account.key === record.key ? account.key : record.key, claim }
  }
}

/** Both objects' indexes in one pass over the ledger. */
function ledgerIndexes(records: Iterable<OwnershipRecord>, state: TargetState): [LedgerIndex, LedgerIndex] {
  const users = new LedgerIndex('user', state.users)
  const groups = new LedgerIndex('group', state.groups)
  for (const record of records) (record.object === 'user' ? users : groups).add(record)
  return [users, groups]
}

/** The account under the ledger's key; no copy when it already carries it (the usual case at 100,000). */
const ownedAs = (account: TargetAccount, key: string): OwnedUser =>
  account.key === key ? (account as OwnedUser) : { ...account, key }

/** Sorts what the target holds into Renkei's own, excluded and foreign, from the ledger and the rules. */
export function classifyTarget(
  state: TargetState,
  records: Iterable<OwnershipRecord>,
  exclusions: DirectoryExclusions,
): ClassifiedTarget {
  const excludedBy = exclusionMatcher(exclusions)
  const [users, groups] = ledgerIndexes(records, state)
  const owned = new Map<string, OwnedUser>()
  const foreign: TargetAccount[] = []
  const excluded: ExcludedAccount[] = []
  const claims: OwnershipClaim[] = []
  for (const account of state.users) {
    const match = users.find(account, account.login)
    if (match?.claim) claims.push(match.claim)
    const reason = excludedBy(account)
    if (reason) excluded.push({ account, reason, ownedKey: match?.key ?? null })
    else if (match) owned.set(match.key, ownedAs(account, match.key))
    else foreign.push(account)
  }
  const ownedGroups = new Map<string, OwnedGroup>()
  const foreignGroups: TargetGroupAccount[] = []
  for (const group of state.groups) {
    const match = groups.find(group, null)
    if (!match) {
      foreignGroups.push(group)
      continue
    }
    if (match.claim) claims.push(match.claim)
    ownedGroups.set(match.key, { ...group, key: match.key })
  }
  return { owned, ownedGroups, foreign, foreignGroups, excluded, claims }
}
