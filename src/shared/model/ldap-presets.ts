/**
 * LDAP source flavours. A preset is a set of form defaults, not a second connector: the core reads
 * every LDAP source the same way, and an Active Directory source is an LDAP source whose mapping,
 * filters and "inactive" rule follow AD's schema. The admin can still edit every field.
 */

export const ldapSourcePresets = ['generic', 'active-directory'] as const
export type LdapSourcePreset = (typeof ldapSourcePresets)[number]

/** How an attribute's value says "inactive": any of the bits set (an integer), or equal to a value. */
export const ldapInactiveMatches = ['bits', 'equals'] as const
export type LdapInactiveMatch = (typeof ldapInactiveMatches)[number]

/** AD's userAccountControl flag ACCOUNTDISABLE: the account cannot sign in. */
export const accountDisableBit = 0x2

/** What choosing a preset fills in (the connection fields stay as typed). */
export interface LdapPresetDefaults {
  readonly userFilter: string
  readonly groupFilter: string
  readonly departmentsFrom: 'attribute' | 'ou'
  readonly nestedGroups: boolean
  readonly pageSize: number
  readonly attributes: {
    readonly key: string
    readonly login: string
    readonly nameJa: string
    readonly nameEn: string
    readonly kana: string
    readonly email: string
    readonly department: string
    readonly position: string
    readonly groupName: string
    readonly groupMember: string
  }
  readonly inactive: {
    readonly attribute: string
    readonly match: LdapInactiveMatch
    readonly value: string
  }
}

export const ldapPresetDefaults: Readonly<Record<LdapSourcePreset, LdapPresetDefaults>> = {
  generic: {
    userFilter: '(objectClass=inetOrgPerson)',
    groupFilter: '(objectClass=groupOfNames)',
    departmentsFrom: 'attribute',
    nestedGroups: false,
    pageSize: 500,
    attributes: {
      key: 'employeeNumber',
      login: 'uid',
      nameJa: 'cn',
      nameEn: 'displayName',
      kana: '',
      email: 'mail',
      department: 'departmentNumber',
      position: 'title',
      groupName: 'cn',
      groupMember: 'member',
    },
    inactive: { attribute: '', match: 'equals', value: '' },
  },
  'active-directory': {
    // People only (computers are objectClass=user too); the built-in Administrator, Guest and krbtgt
    // are critical system objects without a display name and never belong in a company directory.
    userFilter: '(&(objectCategory=person)(objectClass=user)(!(isCriticalSystemObject=TRUE)))',
    groupFilter: '(objectClass=group)',
    departmentsFrom: 'attribute',
    nestedGroups: true,
    // Below AD's MaxPageSize (1,000): a bigger page is cut to 1,000 by the server anyway.
    pageSize: 500,
    attributes: {
      // objectGUID never changes, even on rename or move; read as AD prints it (see ldap-ad.ts).
      key: 'objectGUID',
      login: 'sAMAccountName',
      nameJa: 'displayName',
      nameEn: '',
      kana: '',
      email: 'mail',
      department: 'department',
      position: 'title',
      groupName: 'cn',
      groupMember: 'member',
    },
    inactive: { attribute: 'userAccountControl', match: 'bits', value: String(accountDisableBit) },
  },
}
