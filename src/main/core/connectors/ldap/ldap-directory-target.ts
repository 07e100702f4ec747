import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { LdapTargetConfig } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import {
  targetUserFields,
  type DirectoryTargetConnector,
  type TargetGroup,
  type TargetGroupEntry,
  type TargetState,
  type TargetUser,
  type TargetUserEntry,
} from '../../engines/directory/directory-connectors'
import {
  isWithin,
  joinRdns,
  normalizeDn,
  normalizeRdns,
  normalRdns,
  parseDn,
  rdnOf,
  type Rdn,
} from './ldap-dn'
import { failedCheck, isLdapResult, ldapResult } from './ldap-errors'
import { entryValues, firstValue, LdapSession, type LdapConnectorOptions } from './ldap-session'
import { BranchMaker, memberValues, pagesIfPresent, repointMembers } from './ldap-target-branches'
import {
  newUserEntry,
  replaceChange,
  targetUserOf,
  userAttributeNames,
  userChanges,
} from './ldap-target-entries'
import { checkTargetBranches } from './ldap-target-check'

const pageSize = 500
const userFilter = '(&(objectClass=inetOrgPerson)(employeeNumber=*))'
const everyField = targetUserFields.filter((f) => f !== 'active')

/**
 * Provisions people as inetOrgPerson entries `uid=<login>` under usersDn (or under an OU per department),
 * moves suspended ones to suspendedDn, and keeps groupOfNames groups under groupsDn. Entries without an
 * employeeNumber are someone else's and are never touched.
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

  async read(signal: AbortSignal): Promise<TargetState> {
    signal.throwIfAborted()
    const session = await this.connection()
    const users: TargetUserEntry[] = []
    const seen = new Set<string>()
    // Each DN is normalised once (100,000 entries); "within the suspended branch" compares its last RDNs.
    const suspended = normalizeRdns(this.suspendedRdns)
    const depth = this.suspendedRdns.length
    const isSuspended = (parts: readonly string[]): boolean =>
      parts.length >= depth && parts.slice(parts.length - depth).join(',') === suspended
    for (const base of [this.config.usersDn, this.config.suspendedDn]) {
      const search = { filter: userFilter, attributes: [...userAttributeNames], pageSize }
      for await (const page of pagesIfPresent(session, base, search)) {
        for (const entry of page) {
          const parts = normalRdns(parseDn(entry.dn))
          const normal = parts.join(',')
          if (seen.has(normal)) continue
          seen.add(normal)
          const user = targetUserOf(entry, !isSuspended(parts))
          if (user) users.push(user)
        }
        signal.throwIfAborted()
      }
    }
    return { users, groups: await this.readGroups(session, users, signal), licenceLimit: null }
  }

  async createUser(user: TargetUser, initialPassword: string | null): Promise<string> {
    const session = await this.connection()
    const dn = `${rdnOf('uid', user.login)},${await this.activeParent(user)}`
    try {
      await session.add(dn, newUserEntry(user, initialPassword))
      return dn
    } catch (error) {
      if (!isLdapResult(error, ldapResult.alreadyExists)) throw error
    }
    // A run that stopped right after the add: finish it as an update, but only on our own entry.
    const found = await session.run(dn, (c) =>
      c.search(dn, { scope: 'base', attributes: ['employeeNumber'] }),
    )
    const key = found.searchEntries[0]
      ? firstValue(entryValues(found.searchEntries[0]), 'employeeNumber')
      : null
    if (key !== user.key) throw loginTaken(dn, user, key)
    await session.modify(dn, userChanges(user, everyField))
    return dn
  }

  async updateUser(ref: string, user: TargetUser, changed: readonly (keyof TargetUser)[]): Promise<string> {
    const session = await this.connection()
    const rdns = parseDn(ref)
    const parent = isWithin(rdns, this.suspendedRdns)
      ? this.config.suspendedDn
      : this.config.departmentsAs === 'ou'
        ? await this.activeParent(user)
        : joinRdns(rdns.slice(1))
    const dn = await this.move(session, ref, `${rdnOf('uid', user.login)},${parent}`)
    await session.modify(dn, userChanges(user, changed))
    return dn
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
      await this.updateGroup(dn, group, memberRefs)
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

  private async readGroups(
    session: LdapSession,
    users: readonly TargetUserEntry[],
    signal: AbortSignal,
  ): Promise<TargetGroupEntry[]> {
    if (this.config.groupsDn === '') return []
    const keyByDn = new Map(users.map((u) => [normalizeDn(u.ref), u.key]))
    const groups: TargetGroupEntry[] = []
    const search = {
      filter: '(objectClass=groupOfNames)',
      attributes: ['cn', 'description', 'member'],
      pageSize,
    }
    for await (const page of pagesIfPresent(session, this.config.groupsDn, search)) {
      for (const entry of page) {
        const values = entryValues(entry)
        const [rdn] = parseDn(entry.dn)
        const pair = rdn?.pairs[0]
        const key = pair?.type === 'cn' ? pair.value : (firstValue(values, 'cn') ?? entry.dn)
        const memberKeys = (values.get('member') ?? []).flatMap((m) => keyByDn.get(normalizeDn(m)) ?? [])
        groups.push({
          ref: entry.dn,
          key,
          displayName: firstValue(values, 'description') ?? key,
          memberKeys: [...new Set(memberKeys)].sort(),
        })
      }
      signal.throwIfAborted()
    }
    return groups
  }
}

function loginTaken(dn: string, user: TargetUser, key: string | null): ConnectorError {
  const owner =
    key === null ? '社員番号のない（Renkei の管理外の）エントリー' : `社員番号 ${key} のエントリー`
  const ownerEn =
    key === null ? 'an entry without employeeNumber (not managed by Renkei)' : `the entry of employee ${key}`
  return new ConnectorError('permanent', {
    ja: `社員 ${user.key} を作成できません。「${dn}」は既に${owner}が使っています。どちらかのログイン名を変えてください。`,
    en: `Cannot create employee ${user.key}: "${dn}" is already taken by ${ownerEn}. Change one of the logins.`,
  })
}
