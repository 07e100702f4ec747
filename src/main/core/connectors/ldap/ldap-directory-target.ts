import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { LdapTargetConfig } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import type {
  DirectoryTargetConnector,
  TargetAccount,
  TargetGroup,
  TargetGroupAccount,
  TargetReadOptions,
  TargetState,
  TargetUser,
} from '../../engines/directory/directory-connectors'
import {
  DnNormalizer,
  isWithin,
  joinRdns,
  normalizeDn,
  normalizeRdns,
  parseDn,
  rdnOf,
  type Rdn,
} from './ldap-dn'
import { failedCheck, isLdapResult, ldapResult } from './ldap-errors'
import { entryValues, firstValue, LdapSession, type LdapConnectorOptions } from './ldap-session'
import {
  BranchMaker,
  leanPagesIfPresent,
  memberValues,
  pagesIfPresent,
  repointMembers,
} from './ldap-target-branches'
import {
  accountAttributeNames,
  handleAttributeNames,
  newUserEntry,
  replaceChange,
  TargetAccountReader,
  userChanges,
} from './ldap-target-entries'
import { checkTargetBranches } from './ldap-target-check'
import { handleOfEntry, loginTaken, watchedMemberships } from './ldap-target-ownership'

// The people listing decodes entries lean (ldap-lean-search.ts), so a page of 500 costs little memory;
// fewer, larger pages mean fewer round trips (100,000 people: 200). Groups keep ldapts's full decoding
// (every member value is needed) in pages of 100: a page of parsed entries outlives the young generation.
const pageSize = 500
const groupPageSize = 100
/** Every person under the branches, keyed or not: the ownership ledger decides what is Renkei's. */
const userFilter = '(objectClass=inetOrgPerson)'

/**
 * Provisions people as inetOrgPerson entries `uid=<login>` under usersDn (or under an OU per department),
 * moves suspended ones to suspendedDn, and keeps groupOfNames groups under groupsDn. Reads every entry;
 * writes only where the engine (its ownership ledger) says so. Adopted entries keep the name they had.
 */
export class LdapDirectoryTarget implements DirectoryTargetConnector {
  private session: LdapSession | null = null
  private readonly branches = new BranchMaker(() => this.connection())
  private readonly suspendedRdns: readonly Rdn[]

  constructor(
    private readonly config: LdapTargetConfig,
    private readonly password: string,
    private readonly options: LdapConnectorOptions = {},
  ) {
    this.suspendedRdns = parseDn(config.suspendedDn)
  }

  async check(): Promise<ConnectionCheckResult> {
    let session: LdapSession | null = null
    try {
      session = await LdapSession.open(this.config, this.password, this.options)
      return await checkTargetBranches(session, this.config)
    } catch (error) {
      return failedCheck(error)
    } finally {
      await session?.close()
    }
  }

  async read(signal: AbortSignal, options?: TargetReadOptions): Promise<TargetState> {
    signal.throwIfAborted()
    const session = await this.connection()
    const users: TargetAccount[] = []
    const seen = new Set<string>()
    const reader = new TargetAccountReader()
    const dns = new DnNormalizer()
    const attributes = accountAttributeNames
    // Each DN is normalised once (100,000 entries); "within the suspended branch" compares its last RDNs.
    const suspended = normalizeRdns(this.suspendedRdns)
    const depth = this.suspendedRdns.length
    const isSuspended = (parts: readonly string[]): boolean =>
      parts.length >= depth && parts.slice(parts.length - depth).join(',') === suspended
    for (const base of [this.config.usersDn, this.config.suspendedDn]) {
      for await (const page of leanPagesIfPresent(session, base, {
        filter: userFilter,
        attributes,
        pageSize,
      })) {
        for (const entry of page) {
          const parts = dns.normalRdns(entry.dn)
          const joined = parts.join(',')
          // Most DNs are in normal form already: ref and dn then share one string (100,000 fewer copies).
          const normal = joined === entry.dn ? entry.dn : joined
          if (seen.has(normal)) continue
          seen.add(normal)
          users.push(reader.account(entry, !isSuspended(parts), normal))
        }
        signal.throwIfAborted()
      }
    }
    const watched = await watchedMemberships(session, options?.watchGroups ?? [])
    const accounts =
      watched.size === 0 ? users : users.map((u) => ({ ...u, groups: watched.get(u.dn!) ?? [] }))
    return { users: accounts, groups: await this.readGroups(session, users, signal), licenceLimit: null }
  }

  /** Adds the entry; never takes over one already there (whoever made it): that is an adoption to approve. */
  async createUser(user: TargetUser, initialPassword: string | null): Promise<string> {
    const session = await this.connection()
    const dn = `${rdnOf('uid', user.login)},${await this.activeParent(user)}`
    try {
      await session.add(dn, newUserEntry(user, initialPassword))
      return dn
    } catch (error) {
      if (!isLdapResult(error, ldapResult.alreadyExists)) throw error
    }
    const found = await session.run(dn, (c) =>
      c.search(dn, { scope: 'base', attributes: ['employeeNumber'] }),
    )
    const holder = found.searchEntries[0]
    throw loginTaken(dn, user, holder ? firstValue(entryValues(holder), 'employeeNumber') : null)
  }

  /** Writes the changed attributes; renames only a `uid=`-named entry whose login changed, moves per department. */
  async updateUser(ref: string, user: TargetUser, changed: readonly (keyof TargetUser)[]): Promise<string> {
    const session = await this.connection()
    const rdns = parseDn(ref)
    const parent = isWithin(rdns, this.suspendedRdns)
      ? this.config.suspendedDn
      : this.config.departmentsAs === 'ou'
        ? await this.activeParent(user)
        : joinRdns(rdns.slice(1))
    const dn = await this.move(session, ref, `${namingRdn(rdns[0]!, user)},${parent}`)
    await session.modify(dn, userChanges(user, changed, parseDn(dn)[0]))
    return dn
  }

  async handleOf(ref: string): Promise<string> {
    return handleOfEntry(await this.connection(), ref)
  }

  async setActive(ref: string, user: TargetUser, active: boolean): Promise<string> {
    const session = await this.connection()
    const [rdn] = parseDn(ref)
    let parent = this.config.suspendedDn
    if (active) parent = await this.activeParent(user)
    else await this.branches.ensure(parent)
    return this.move(session, ref, `${rdn!.raw},${parent}`)
  }

  async deleteUser(ref: string): Promise<void> {
    const session = await this.connection()
    await this.deleteIfPresent(session, ref)
    await repointMembers(session, this.config.groupsDn, ref, null)
  }

  async createGroup(group: TargetGroup, memberRefs: readonly string[]): Promise<string> {
    const session = await this.connection()
    const groupsDn = this.requireGroupsDn()
    await this.branches.ensure(groupsDn)
    const dn = `${rdnOf('cn', group.key)},${groupsDn}`
    try {
      await session.add(dn, {
        objectClass: ['top', 'groupOfNames'],
        cn: [group.key],
        member: memberValues(dn, memberRefs),
        ...(group.displayName === '' ? {} : { description: [group.displayName] }),
      })
    } catch (error) {
      if (!isLdapResult(error, ldapResult.alreadyExists)) throw error
      throw groupTaken(dn)
    }
    return dn
  }

  async updateGroup(ref: string, group: TargetGroup, memberRefs: readonly string[]): Promise<void> {
    const session = await this.connection()
    const description = group.displayName === '' ? [] : [group.displayName]
    await session.modify(ref, [
      replaceChange('member', memberValues(ref, memberRefs)),
      replaceChange('description', description),
    ])
  }

  async deleteGroup(ref: string): Promise<void> {
    await this.deleteIfPresent(await this.connection(), ref)
  }

  async close(): Promise<void> {
    const session = this.session
    this.session = null
    await session?.close()
  }

  /** The bound session, reopened after a network failure. */
  private async connection(): Promise<LdapSession> {
    if (this.session?.usable) return this.session
    await this.session?.close()
    this.session = await LdapSession.open(this.config, this.password, this.options)
    return this.session
  }

  /** usersDn, or the user's department OU under it (departmentsAs 'ou'); created when missing. */
  private async activeParent(user: TargetUser): Promise<string> {
    const { usersDn } = this.config
    await this.branches.ensure(usersDn)
    if (this.config.departmentsAs !== 'ou' || user.departmentCode === null) return usersDn
    const dn = `${rdnOf('ou', user.departmentCode)},${usersDn}`
    await this.branches.ensure(dn, user.department)
    return dn
  }

  /** Renames or moves `ref` to `dn` when they differ, and repoints group members. Returns the DN now. */
  private async move(session: LdapSession, ref: string, dn: string): Promise<string> {
    if (normalizeDn(dn) === normalizeDn(ref)) return ref
    await session.moveTo(ref, dn)
    await repointMembers(session, this.config.groupsDn, ref, dn)
    return dn
  }

  private async deleteIfPresent(session: LdapSession, dn: string): Promise<void> {
    try {
      await session.del(dn)
    } catch (error) {
      if (!isLdapResult(error, ldapResult.noSuchObject)) throw error
    }
  }

  private requireGroupsDn(): string {
    if (this.config.groupsDn !== '') return this.config.groupsDn
    throw new ConnectorError('permanent', {
      ja: 'グループの置き場所（groupsDn）が設定されていないため、グループを作成できません。設定で DN を指定してください。',
      en: 'No groups DN is set, so groups cannot be created. Set the groups DN in the settings.',
    })
  }

  /** Every groupOfNames under groupsDn; members as the refs read() gave the accounts (other DNs as they are). */
  private async readGroups(
    session: LdapSession,
    users: readonly TargetAccount[],
    signal: AbortSignal,
  ): Promise<TargetGroupAccount[]> {
    if (this.config.groupsDn === '') return []
    const refByDn = new Map(users.map((u) => [u.dn!, u.ref]))
    const groups: TargetGroupAccount[] = []
    const search = {
      filter: '(objectClass=groupOfNames)',
      attributes: ['cn', 'description', 'member', ...handleAttributeNames],
      pageSize: groupPageSize,
    }
    for await (const page of pagesIfPresent(session, this.config.groupsDn, search)) {
      for (const entry of page) {
        const values = entryValues(entry)
        const [rdn] = parseDn(entry.dn)
        const pair = rdn?.pairs[0]
        const key = pair?.type === 'cn' ? pair.value : firstValue(values, 'cn')
        const self = normalizeDn(entry.dn)
        const members = (values.get('member') ?? []).map(normalizeDn).filter((m) => m !== self)
        const handle = handleAttributeNames.map((n) => firstValue(values, n)).find((v) => v !== null)
        groups.push({
          ref: entry.dn,
          handle: handle ?? `dn:${self}`,
          key,
          displayName: firstValue(values, 'description') ?? key ?? entry.dn,
          memberRefs: [...new Set(members.map((m) => refByDn.get(m) ?? m))],
        })
      }
      signal.throwIfAborted()
    }
    return groups
  }
}

/** A `uid=` entry follows its login; any other name (`cn=`, hand-made) is kept: no rename it does not need. */
function namingRdn(rdn: Rdn, user: TargetUser): string {
  const only = rdn.pairs.length === 1 ? rdn.pairs[0]! : null
  return only?.type.toLowerCase() === 'uid' ? rdnOf('uid', user.login) : rdn.raw
}

function groupTaken(dn: string): ConnectorError {
  return new ConnectorError('permanent', {
    ja: `グループ「${dn}」は既にあり、Renkei の管理外です。引き継ぐ場合はプレビューで引き継ぎを承認してください。`,
    en: `The group "${dn}" already exists and is not Renkei's. To adopt it, approve the adoption in the preview.`,
  })
}
