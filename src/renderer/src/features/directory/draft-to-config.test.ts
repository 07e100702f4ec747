import { describe, expect, it } from 'vitest'
import { defaultDirectoryConfig, directoryConfig } from '../../../../shared/model/directory-config'
import { ldapPresetDefaults } from '../../../../shared/model/ldap-presets'
import type { DirectoryDraft } from './config-draft'
import { configToDraft } from './config-draft'
import { checkPasswordPair, draftChanged, draftToConfig } from './draft-to-config'

const csvConfig = directoryConfig.parse({
  at: '06:30',
  source: { kind: 'csv', usersFile: '/data/users.csv', departmentsFile: '/data/departments.csv' },
  licenceCount: 300,
})

function converted(draft: DirectoryDraft) {
  const result = draftToConfig(draft)
  if (!('config' in result)) throw new Error(`refused: ${[...result.errors.keys()].join(', ')}`)
  return result.config
}

function errorsOf(draft: DirectoryDraft): Record<string, string> {
  const result = draftToConfig(draft)
  return 'errors' in result ? Object.fromEntries([...result.errors].map(([path, e]) => [path, e.key])) : {}
}

describe('configToDraft / draftToConfig', () => {
  it('gives back the saved configuration unchanged, defaults and CSV alike', () => {
    expect(converted(configToDraft(defaultDirectoryConfig))).toEqual(defaultDirectoryConfig)
    expect(converted(configToDraft(csvConfig))).toEqual(csvConfig)
    expect(directoryConfig.safeParse(converted(configToDraft(csvConfig))).success).toBe(true)
  })

  it('ownership rules: one exclusion per non-empty line, and at least one match rule', () => {
    const base = configToDraft(csvConfig)
    const draft: DirectoryDraft = {
      ...base,
      ownership: {
        adoptBy: ['email'],
        excludeLogins: ' admin*\r\n\n svc-? ',
        excludeBranches: 'ou=contractors,dc=example,dc=jp\n',
        excludeGroups: '',
      },
    }
    expect(converted(draft)).toMatchObject({
      adoptBy: ['email'],
      exclusions: { logins: ['admin*', 'svc-?'], branches: ['ou=contractors,dc=example,dc=jp'], groups: [] },
    })
    expect(errorsOf({ ...draft, ownership: { ...draft.ownership, adoptBy: [] } })).toEqual({
      adoptBy: 'directory.error.adoptBy',
    })
  })

  it('an empty licence count means "ask the target"', () => {
    const draft = { ...configToDraft(csvConfig), licenceCount: ' ' }
    expect(converted(draft).licenceCount).toBeNull()
  })

  it('trims text, splits the inactive values on commas and 、', () => {
    const base = configToDraft(csvConfig)
    const draft = {
      ...base,
      csv: { ...base.csv, usersFile: '  /x/u.csv ', inactiveValues: '退職, 休職、 0 ,' },
    }
    const source = converted(draft).source
    expect(source).toMatchObject({
      kind: 'csv',
      usersFile: '/x/u.csv',
      inactiveValues: ['退職', '休職', '0'],
    })
  })

  it('starts a newly chosen LDAP target from the schema defaults and needs its DNs', () => {
    const draft: DirectoryDraft = { ...configToDraft(csvConfig), targetKind: 'ldap' }
    expect(draft.targetLdap.security).toBe('ldaps')
    expect(errorsOf(draft)).toEqual({
      'targetLdap.url': 'directory.error.required',
      'targetLdap.bindDn': 'directory.error.required',
      'targetLdap.usersDn': 'directory.error.required',
      'targetLdap.suspendedDn': 'directory.error.required',
    })
  })

  it('reports each bad field by path, in screen order', () => {
    const base = configToDraft(csvConfig)
    const draft: DirectoryDraft = {
      ...base,
      csv: { ...base.csv, departmentsFile: '', users: { ...base.csv.users, key: '' } },
      targetKind: 'scim',
      scim: { ...base.scim, baseUrl: 'ftp://x' },
      at: '24:00',
      licenceCount: '-1',
      maxCount: '1.5',
      maxPercent: '101',
      graceDays: 'abc',
    }
    expect(Object.entries(errorsOf(draft))).toEqual([
      ['csv.departmentsFile', 'directory.error.required'],
      ['csv.users.key', 'directory.error.required'],
      ['scim.baseUrl', 'directory.error.httpUrl'],
      ['at', 'directory.error.time'],
      ['licenceCount', 'directory.error.integer'],
      ['maxCount', 'directory.error.integer'],
      ['maxPercent', 'directory.error.number'],
      ['graceDays', 'directory.error.integer'],
    ])
  })

  it('refuses unencrypted LDAP until it is explicitly allowed', () => {
    const base = configToDraft(defaultDirectoryConfig)
    const ldap = {
      ...base.sourceLdap,
      url: 'ldap://dir:389',
      bindDn: 'cn=a',
      baseDn: 'dc=x',
      security: 'plain' as const,
    }
    const draft: DirectoryDraft = { ...base, sourceKind: 'ldap', sourceLdap: ldap }
    expect(errorsOf(draft)).toEqual({ 'sourceLdap.allowPlain': 'directory.error.plain' })
    const allowed = converted({ ...draft, sourceLdap: { ...ldap, allowPlain: true } })
    expect(allowed.source).toMatchObject({ kind: 'ldap', security: 'plain', allowPlain: true, pageSize: 500 })
  })

  it('keeps an Active Directory source as saved, and checks its inactive rule field by field', () => {
    const ad = directoryConfig.parse({
      source: {
        kind: 'ldap',
        preset: 'active-directory',
        url: 'ldaps://dc1.corp.example:636',
        bindDn: 'CN=reader,CN=Users,DC=corp,DC=example',
        baseDn: 'DC=corp,DC=example',
        ...ldapPresetDefaults['active-directory'],
      },
    })
    expect(converted(configToDraft(ad))).toEqual(ad)
    const draft = configToDraft(ad)
    const inactive = (value: string): DirectoryDraft => ({
      ...draft,
      sourceLdap: { ...draft.sourceLdap, inactive: { ...draft.sourceLdap.inactive, value } },
    })
    expect(errorsOf(inactive('0x2'))).toEqual({ 'sourceLdap.inactive.value': 'directory.error.bitMask' })
    expect(errorsOf(inactive(''))).toEqual({ 'sourceLdap.inactive.value': 'directory.error.required' })
  })

  it('checks an LDAP URL the way the core does', () => {
    const base = configToDraft(defaultDirectoryConfig)
    const ldap = {
      ...base.sourceLdap,
      url: 'ldaps://dir.example.jp:636/ou=x',
      bindDn: 'cn=a',
      baseDn: 'dc=x',
    }
    expect(errorsOf({ ...base, sourceKind: 'ldap', sourceLdap: ldap })).toEqual({
      'sourceLdap.url': 'directory.error.ldapUrl',
    })
  })
})

describe('draftChanged', () => {
  it('is false for the saved configuration, also after switching a kind away and back', () => {
    const draft = configToDraft(csvConfig)
    expect(draftChanged(draft, csvConfig)).toBe(false)
    const away = { ...draft, targetKind: 'scim' as const, scim: { ...draft.scim, baseUrl: 'https://x' } }
    expect(draftChanged(away, csvConfig)).toBe(true)
    expect(draftChanged({ ...away, targetKind: 'none' }, csvConfig)).toBe(false)
  })

  it('does not depend on the order the core stored the keys in', () => {
    const { graceDays, ...rest } = csvConfig
    const reordered = { graceDays, ...rest }
    expect(draftChanged(configToDraft(csvConfig), reordered)).toBe(false)
  })

  it('saves a schedule typed as H:MM (or full-width) as HH:MM', () => {
    expect(converted({ ...configToDraft(csvConfig), at: '7:30' }).at).toBe('07:30')
    expect(converted({ ...configToDraft(csvConfig), at: '７：０５' }).at).toBe('07:05')
    expect(draftChanged({ ...configToDraft(csvConfig), at: '6:30' }, csvConfig)).toBe(false)
  })

  it('counts a form that does not convert as changed', () => {
    expect(draftChanged({ ...configToDraft(csvConfig), at: 'x' }, csvConfig)).toBe(true)
  })
})

describe('checkPasswordPair', () => {
  it('accepts two equal entries (also both empty) and refuses different ones', () => {
    expect(checkPasswordPair('', '')).toBeNull()
    expect(checkPasswordPair('Init-2026', 'Init-2026')).toBeNull()
    expect(checkPasswordPair('Init-2026', 'init-2026')).toBe('directory.error.passwordMismatch')
    expect(checkPasswordPair('Init-2026', '')).toBe('directory.error.passwordMismatch')
  })
})
