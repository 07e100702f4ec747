import { ConnectorError } from '../connector-error'
import type { TargetUser } from '../../engines/directory/directory-connectors'
import { normalizeDn } from './ldap-dn'
import { isLdapResult, ldapResult } from './ldap-errors'
import { entryValues, firstValue, type LdapSession } from './ldap-session'
import { handleAttributeNames } from './ldap-target-entries'

/** The stable handle of the entry at `dn`, as read() reports it (entryUUID, nsUniqueId, else the DN). */
export async function handleOfEntry(session: LdapSession, dn: string): Promise<string> {
  const found = await session.run(dn, (c) =>
    c.search(dn, { scope: 'base', attributes: [...handleAttributeNames] }),
  )
  const values = found.searchEntries[0] ? entryValues(found.searchEntries[0]) : new Map()
  const handle = handleAttributeNames.map((n) => firstValue(values, n)).find((v) => v !== null)
  return handle ?? `dn:${normalizeDn(dn)}`
}

/**
 * The members of each watched group (exclusion rules name them by DN): member DN in normal form → the
 * group DNs as written in the rules. A watched group that does not exist stops the run: exclusions that
 * cannot be checked must not silently exclude nobody.
 */
export async function watchedMemberships(
  session: LdapSession,
  groupDns: readonly string[],
): Promise<Map<string, string[]>> {
  const byMember = new Map<string, string[]>()
  for (const groupDn of groupDns) {
    let found
    try {
      found = await session.run(groupDn, (c) =>
        c.search(groupDn, { scope: 'base', attributes: ['member', 'uniqueMember'] }),
      )
    } catch (error) {
      if (isLdapResult(error, ldapResult.noSuchObject)) throw watchedGroupMissing(groupDn)
      throw error
    }
    const values = found.searchEntries[0] ? entryValues(found.searchEntries[0]) : new Map<string, string[]>()
    const members = [...(values.get('member') ?? []), ...(values.get('uniquemember') ?? [])]
    for (const member of members) {
      const normal = normalizeDn(member)
      byMember.set(normal, [...(byMember.get(normal) ?? []), groupDn])
    }
  }
  return byMember
}

function watchedGroupMissing(dn: string): ConnectorError {
  return new ConnectorError('permanent', {
    ja: `除外ルールのグループ「${dn}」が LDAP にありません。除外を確かめられないため同期を止めました。DN を直すか、ルールから外してください。`,
    en: `The exclusion rule's group "${dn}" does not exist in LDAP, so exclusions cannot be checked and the run stopped. Fix the DN or remove it from the rules.`,
  })
}

/** A create that found the DN taken: never a takeover, whoever holds it. */
export function loginTaken(dn: string, user: TargetUser, key: string | null): ConnectorError {
  const owner =
    key === null
      ? '社員番号のない、Renkei の管理外のエントリー'
      : `社員番号 ${key} の、Renkei の管理外のエントリー`
  const ownerEn =
    key === null
      ? 'an entry without employeeNumber that Renkei does not own'
      : `an entry (employeeNumber ${key}) that Renkei does not own`
  return new ConnectorError('permanent', {
    ja: `社員 ${user.key} を作成できません。「${dn}」は既に${owner}が使っています。引き継ぐ場合はプレビューで引き継ぎを承認し、そうでなければどちらかのログイン名を変えてください。`,
    en: `Cannot create employee ${user.key}: "${dn}" is already taken by ${ownerEn}. To adopt it, approve the adoption in the preview; otherwise change one of the logins.`,
  })
}
