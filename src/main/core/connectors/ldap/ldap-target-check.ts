import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { LdapTargetConfig } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'
import { parentDn } from './ldap-dn'
import type { LdapSession } from './ldap-session'

interface Branch {
  readonly dn: string
  readonly ja: string
  readonly en: string
}

/**
 * "Test connection" for a target: each branch Renkei writes into exists, or its parent does (Renkei creates
 * the branch on the first write). Nothing is written.
 */
export async function checkTargetBranches(
  session: LdapSession,
  config: LdapTargetConfig,
): Promise<ConnectionCheckResult> {
  const branches: Branch[] = [
    { dn: config.usersDn, ja: 'ユーザーの置き場所', en: 'users branch' },
    { dn: config.suspendedDn, ja: '停止したユーザーの置き場所', en: 'suspended users branch' },
  ]
  if (config.groupsDn !== '')
    branches.push({ dn: config.groupsDn, ja: 'グループの置き場所', en: 'groups branch' })
  const found: Localized[] = []
  for (const branch of branches) {
    if (await session.exists(branch.dn)) {
      found.push({
        ja: `${branch.ja}「${branch.dn}」があります。`,
        en: `The ${branch.en} "${branch.dn}" exists.`,
      })
      continue
    }
    const parent = parentDn(branch.dn)
    if (parent === '' || !(await session.exists(parent))) {
      return {
        ok: false,
        message: {
          ja: `${session.server} に接続できましたが、${branch.ja}「${branch.dn}」も、その親「${parent}」もありません。DN の綴りを確認するか、親のエントリーを作成してください。`,
          en: `Connected to ${session.server}, but neither the ${branch.en} "${branch.dn}" nor its parent "${parent}" exists. Check the DN, or create the parent entry.`,
        },
        detail: null,
      }
    }
    found.push({
      ja: `${branch.ja}「${branch.dn}」はまだないため、最初の書き込みで作成します。`,
      en: `The ${branch.en} "${branch.dn}" does not exist yet; Renkei creates it on the first write.`,
    })
  }
  return {
    ok: true,
    message: {
      ja: `${session.server} に接続できました。${found.map((f) => f.ja).join('')}`,
      en: `Connected to ${session.server}. ${found.map((f) => f.en).join(' ')}`,
    },
    detail: null,
  }
}
