import { describe, expect, it } from 'vitest'
import { ldapInactiveRule } from '../../../../shared/model/directory-config'
import { guidString, isInactive } from './ldap-ad'
import { entryValues } from './ldap-session'

const uac = ldapInactiveRule.parse({ attribute: 'userAccountControl', match: 'bits', value: '2' })
const values = (attrs: Record<string, string | string[]>) => entryValues({ dn: 'cn=x', ...attrs })

describe('Active Directory attributes', () => {
  it('prints objectGUID as AD does: first three groups little-endian', () => {
    // Bytes and text of a real Samba account (ldapsearch base64 → PowerShell's Get-ADUser ObjectGUID).
    const raw = Buffer.from('qY0kTuR5oUiR50DZwOO1Bw==', 'base64')
    expect(guidString(raw)).toBe('4e248da9-79e4-48a1-91e7-40d9c0e3b507')
    expect(entryValues({ dn: 'cn=x', objectGUID: raw }).get('objectguid')).toEqual([
      '4e248da9-79e4-48a1-91e7-40d9c0e3b507',
    ])
  })

  it('tests the ACCOUNTDISABLE bit, not equality', () => {
    expect(isInactive(values({ userAccountControl: '514' }), uac)).toBe(true)
    expect(isInactive(values({ userAccountControl: '66050' }), uac)).toBe(true)
    expect(isInactive(values({ userAccountControl: '512' }), uac)).toBe(false)
    expect(isInactive(values({ userAccountControl: '66048' }), uac)).toBe(false)
    expect(isInactive(values({}), uac)).toBe(false)
  })

  it('matches an inactive value ignoring case, for any LDAP source', () => {
    const rule = ldapInactiveRule.parse({ attribute: 'employeeType', value: 'Retired' })
    expect(isInactive(values({ employeeType: 'retired' }), rule)).toBe(true)
    expect(isInactive(values({ employeeType: ['staff', 'RETIRED'] }), rule)).toBe(true)
    expect(isInactive(values({ employeeType: 'staff' }), rule)).toBe(false)
    const none = ldapInactiveRule.parse({})
    expect(isInactive(values({ employeeType: 'retired' }), none)).toBe(false)
  })

  it('refuses an inactive attribute without a value, and a bit mask that is not a number', () => {
    expect(ldapInactiveRule.safeParse({ attribute: 'employeeType' }).success).toBe(false)
    const bad = ldapInactiveRule.safeParse({ attribute: 'userAccountControl', match: 'bits', value: '0x2' })
    expect(bad.success).toBe(false)
  })
})
