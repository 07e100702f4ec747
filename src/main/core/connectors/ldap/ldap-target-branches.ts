import { EqualityFilter, type Entry } from 'ldapts'
import { ConnectorError } from '../connector-error'
import { joinRdns, normalizeDn, parseDn } from './ldap-dn'
import { isLdapResult, ldapResult } from './ldap-errors'
import type { LeanEntry } from './ldap-lean-search'
import { entryValues, type LdapSession, type PagedSearch } from './ldap-session'
import { replaceChange } from './ldap-target-entries'

/** Pages of a search under a branch that may not exist yet (first run): a missing base yields nothing. */
export function pagesIfPresent(
  session: LdapSession,
  base: string,
  search: PagedSearch,
): AsyncGenerator<readonly Entry[]> {
  return presentOnly(session.pages(base, search))
}

/** pagesIfPresent with the entries decoded lean (LdapSession.leanPages). */
export function leanPagesIfPresent(
  session: LdapSession,
  base: string,
  search: PagedSearch,
): AsyncGenerator<readonly LeanEntry[]> {
  return presentOnly(session.leanPages(base, search))
}

async function* presentOnly<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    for await (const page of pages) yield page
  } catch (error) {
    if (isLdapResult(error, ldapResult.noSuchObject)) return
    throw error
  }
}

/**
 * Creates the organizational units Renkei writes into (users, suspended users, groups, department OUs) on
 * first use, parents first, and remembers which exist so later writes cost no extra round trip.
 */
export class BranchMaker {
  private readonly known = new Set<string>()

  constructor(private readonly session: () => Promise<LdapSession>) {}

  async ensure(dn: string, description: string | null = null): Promise<void> {
    const normal = normalizeDn(dn)
    if (this.known.has(normal)) return
    const session = await this.session()
    if (await session.exists(dn)) return void this.known.add(normal)
    const [rdn, ...above] = parseDn(dn)
    const pair = rdn?.pairs[0]
    if (!rdn || !pair || rdn.pairs.length !== 1 || pair.type !== 'ou' || above.length === 0) {
      throw new ConnectorError('permanent', {
        ja: `「${dn}」がディレクトリにありません。ou=... の形なら Renkei が作成しますが、この DN は作成できません。ディレクトリに作成するか、設定の DN を直してください。`,
        en: `"${dn}" does not exist. Renkei creates ou=... branches itself but cannot create this one: create it in the directory or fix the DN in the settings.`,
      })
    }
    await this.ensure(joinRdns(above))
    try {
      await session.add(dn, {
        objectClass: ['top', 'organizationalUnit'],
        ou: [pair.value],
        ...(description ? { description: [description] } : {}),
      })
    } catch (error) {
      if (!isLdapResult(error, ldapResult.alreadyExists)) throw error
    }
    this.known.add(normal)
  }
}

/**
 * Keeps group member DNs pointing at a user that moved or was renamed (what OpenLDAP's refint overlay does,
 * for servers without it); `newDn` null removes the user. A group left empty gets its placeholder member.
 */
export async function repointMembers(
  session: LdapSession,
  groupsDn: string,
  oldDn: string,
  newDn: string | null,
): Promise<void> {
  if (groupsDn === '') return
  const old = normalizeDn(oldDn)
  const filter = new EqualityFilter({ attribute: 'member', value: oldDn })
  for await (const page of pagesIfPresent(session, groupsDn, {
    filter,
    attributes: ['member'],
    pageSize: 500,
  })) {
    for (const group of page) {
      const current = entryValues(group).get('member') ?? []
      const kept = current.filter((m) => normalizeDn(m) !== old)
      if (newDn !== null && !kept.some((m) => normalizeDn(m) === normalizeDn(newDn))) kept.push(newDn)
      await session.modify(group.dn, [replaceChange('member', memberValues(group.dn, kept))])
    }
  }
}

/**
 * groupOfNames needs at least one member: an empty group lists itself, a placeholder read() never reports
 * as a member.
 */
export function memberValues(groupDn: string, memberDns: readonly string[]): string[] {
  return memberDns.length > 0 ? [...memberDns] : [groupDn]
}
