import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import { normalizeDn } from '../../connectors/ldap/ldap-dn'

/**
 * Which ledger a target uses: the kind, the URL and (LDAP) the users branch. Pointing the settings at
 * another service or branch starts from an empty ledger, so nothing there is mistaken for Renkei's.
 */
export function ownershipScope(config: DirectoryConfig): string {
  const target = config.target
  if (target.kind === 'scim') return `scim ${target.baseUrl.replace(/\/+$/, '')}`
  if (target.kind === 'ldap')
    return `ldap ${target.url.replace(/\/+$/, '').toLowerCase()} ${normalizeDn(target.usersDn)}`
  return 'none'
}

export function targetName(config: DirectoryConfig): string {
  const target = config.target
  if (target.kind === 'none') return ''
  const url = target.kind === 'scim' ? target.baseUrl : target.url
  try {
    return `${target.kind.toUpperCase()} ${new URL(url).host}`
  } catch {
    return target.kind.toUpperCase()
  }
}
