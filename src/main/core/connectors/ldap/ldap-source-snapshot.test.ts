import { describe, expect, it } from 'vitest'
import { ldapSourceConfig } from '../../../../shared/model/directory-config'
import { SourceInputError } from '../../engines/directory/directory-connectors'
import { LdapSnapshotBuilder } from './ldap-source-snapshot'

const config = ldapSourceConfig.parse({
  kind: 'ldap',
  url: 'ldaps://ldap.example.jp',
  bindDn: 'cn=reader,dc=example,dc=jp',
  baseDn: 'ou=people,dc=example,dc=jp',
})

describe('LdapSnapshotBuilder', () => {
  it('lists every entry that lacks a required attribute, not the first 100', () => {
    const builder = new LdapSnapshotBuilder(config)
    for (let i = 0; i < 150; i++)
      builder.addPerson({ dn: `uid=u${i},ou=people,dc=example,dc=jp`, uid: `u${i}` })
    const error: unknown = (() => {
      try {
        builder.build()
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(SourceInputError)
    const problems = (error as SourceInputError).problems
    expect(problems).toHaveLength(150)
    expect(problems[149]?.location).toEqual({ where: 'uid=u149,ou=people,dc=example,dc=jp', line: null })
    expect(problems[149]?.message.ja).toContain('必須の属性')
  })
})
