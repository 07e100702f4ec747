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

describe('LdapSnapshotBuilder groups', () => {
  const base = 'ou=people,dc=example,dc=jp'
  const person = (uid: string) => ({
    dn: `uid=${uid},${base}`,
    uid,
    employeeNumber: uid.toUpperCase(),
    cn: `社員 ${uid}`,
  })
  const group = (cn: string, members: string[]) => ({
    dn: `cn=${cn},ou=groups,dc=example,dc=jp`,
    cn,
    member: members.map((m) =>
      m.startsWith('g:') ? `cn=${m.slice(2)},ou=groups,dc=example,dc=jp` : `uid=${m},${base}`,
    ),
  })
  /** Outer lists Inner before Inner is read; Inner and Loop name each other (AD accepts cycles). */
  function read(nestedGroups: boolean): Record<string, string[]> {
    const builder = new LdapSnapshotBuilder(ldapSourceConfig.parse({ ...config, nestedGroups }))
    for (const uid of ['a', 'b', 'c']) builder.addPerson(person(uid))
    builder.addGroup(group('Outer', ['a', 'g:Inner']))
    builder.addGroup(group('Inner', ['b', 'g:Loop']))
    builder.addGroup(group('Loop', ['c', 'g:Inner']))
    const { snapshot } = builder.build()
    return Object.fromEntries(snapshot.employees.map((e) => [e.login, [...e.groups].sort()]))
  }

  it('follows member groups at any depth when nested groups are on, and stops at cycles', () => {
    expect(read(true)).toEqual({
      a: ['Outer'],
      b: ['Inner', 'Loop', 'Outer'],
      c: ['Inner', 'Loop', 'Outer'],
    })
  })

  it('counts only direct members when nested groups are off', () => {
    expect(read(false)).toEqual({ a: ['Outer'], b: ['Inner'], c: ['Loop'] })
  })
})
