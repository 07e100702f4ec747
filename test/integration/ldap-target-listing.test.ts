/**
 * The target listing decodes entries lean (ldap-lean-search.ts): checked here against a real slapd, entry by
 * entry against ldapsearch (an independent client), over several pages; and a listing the server cuts
 * short stops the read instead of returning part of the directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, SearchEntry } from 'ldapts'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { LdapDirectoryTarget } from '../../src/main/core/connectors/ldap/ldap-directory-target'
import { leanDecoding } from '../../src/main/core/connectors/ldap/ldap-lean-search'
import { normalizeDn } from '../../src/main/core/connectors/ldap/ldap-dn'
import { LdapSession } from '../../src/main/core/connectors/ldap/ldap-session'
import { ldapTargetConfig, type LdapTargetConfig } from '../../src/shared/model/directory-config'
import { startSlapd, type LdifEntry, type Slapd } from '../support/slapd'

const suffix = 'dc=example,dc=jp'
const usersDn = `ou=users,${suffix}`
const suspendedDn = `ou=suspended,${suffix}`
const people = 1_234
const suspended = 17
const reader = `cn=reader,${suffix}`

const b64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64')

/** Person i: every few people something the decoder must get right (blank values, several values, long text). */
function person(i: number, parent: string): string {
  const lines = [
    `dn: uid=p${i},${parent}`,
    'objectClass: inetOrgPerson',
    `uid: p${i}`,
    `sn: 姓${i}`,
    `cn: 氏名 ${i}`,
  ]
  if (i % 3 === 0) lines.push(`cn: 別名 ${i}`)
  if (i % 4 !== 0) lines.push(`displayName: Person ${i}`)
  if (i % 5 !== 0) lines.push(`employeeNumber: E${i}`)
  if (i % 6 === 0) lines.push(`givenName:: ${b64(' ')}`, `givenName:: ${b64(` 名${i}\u3000`)}`)
  if (i % 7 === 0) lines.push(`mail: p${i}@example.jp`)
  lines.push(`departmentNumber: D${i % 40}`, `ou: 部署${i % 40}`)
  if (i % 11 === 0) lines.push(`title:: ${b64(`${'長い役職'.repeat(40)}${i}`)}`)
  else if (i % 2 === 0) lines.push('title: 主任')
  return lines.join('\n')
}

function seed(): string {
  const entries = [
    `dn: ${usersDn}\nobjectClass: organizationalUnit\nou: users`,
    `dn: ${suspendedDn}\nobjectClass: organizationalUnit\nou: suspended`,
    `dn: ${reader}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: reader-secret`,
  ]
  for (let i = 0; i < people; i++) entries.push(person(i, i < suspended ? suspendedDn : usersDn))
  return entries.join('\n\n')
}

let slapd: Slapd

function config(bindDn = slapd.rootDn): LdapTargetConfig {
  return ldapTargetConfig.parse({
    kind: 'ldap',
    url: slapd.url,
    security: 'plain',
    allowPlain: true,
    bindDn,
    usersDn,
    suspendedDn,
    timeoutSeconds: 10,
  })
}

function target(bindDn = slapd.rootDn, password = slapd.rootPassword): LdapDirectoryTarget {
  return new LdapDirectoryTarget(config(bindDn), password)
}

/** The first non-blank value, trimmed, as ldapsearch printed it. */
function first(entry: LdifEntry, name: string): string | null {
  for (const value of entry.attributes[name.toLowerCase()] ?? []) if (value.trim() !== '') return value.trim()
  return null
}

beforeAll(async () => {
  // The reader may page through 600 entries in all: fewer than there are.
  slapd = await startSlapd({ suffix, databaseConfig: [`limits dn.exact="${reader}" size.prtotal=600`] })
  await slapd.ldapadd(seed())
}, 60_000)

afterAll(async () => {
  await slapd?.stop()
})

describe('LDAP target listing (lean decoding)', () => {
  it('this ldapts build lets the listing decode lean (an upgrade that removes the hook fails here)', async () => {
    const client = new Client({ url: slapd.url })
    expect(leanDecoding(client, ['uid'])).not.toBeNull()
    const session = await LdapSession.open(config(), slapd.rootPassword)
    try {
      const search = { filter: '(uid=p1*)', attributes: ['UID', 'sn', 'nothing'], pageSize: 50 }
      const entries = []
      for await (const page of session.leanPages(usersDn, search)) entries.push(...page)
      // p1, p10-p19, p100-p199, p1000-p1233, less p1 and p10-p16 (under the suspended branch)
      expect(entries).toHaveLength(337)
      // Decoded by the hook (ldapts's own decoding would give plain objects through leanOf).
      for (const entry of entries) expect(entry).toBeInstanceOf(SearchEntry)
      const p123 = entries.find((e) => e.dn === `uid=p123,${usersDn}`)
      expect(p123?.first).toEqual(['p123', '姓123', null])
    } finally {
      await session.close()
    }
  })

  it('reads every person over several pages, each field as an independent client reads it', async () => {
    const connector = target()
    const { users } = await connector.read(new AbortController().signal)
    await connector.close()
    const expected = [
      ...(await slapd.ldapsearch(usersDn, '(objectClass=inetOrgPerson)', ['*', 'entryUUID'])),
      ...(await slapd.ldapsearch(suspendedDn, '(objectClass=inetOrgPerson)', ['*', 'entryUUID'])),
    ]
    expect(users).toHaveLength(people)
    expect(expected).toHaveLength(people)
    const byDn = new Map(users.map((u) => [u.dn, u]))
    for (const entry of expected) {
      const dn = normalizeDn(entry.dn)
      expect(byDn.get(dn)).toEqual({
        ref: entry.dn,
        handle: first(entry, 'entryUUID'),
        dn,
        groups: [],
        key: first(entry, 'employeeNumber'),
        login: first(entry, 'uid'),
        displayName: first(entry, 'displayName') ?? first(entry, 'cn'),
        familyName: first(entry, 'sn'),
        givenName: first(entry, 'givenName') ?? '',
        email: first(entry, 'mail'),
        departmentCode: first(entry, 'departmentNumber'),
        department: first(entry, 'ou'),
        title: first(entry, 'title'),
        active: !entry.dn.endsWith(suspendedDn),
      })
    }
    expect(byDn.get('uid=p6,ou=suspended,dc=example,dc=jp')).toMatchObject({
      givenName: '名6',
      active: false,
    })
    expect(byDn.get('uid=p22,ou=users,dc=example,dc=jp')!.title).toBe(`${'長い役職'.repeat(40)}22`)
  })

  it('stops the read when the server ends the paging before the last entry', async () => {
    const connector = target(reader, 'reader-secret')
    const error = await connector.read(new AbortController().signal).then(
      () => null,
      (e: unknown) => e,
    )
    await connector.close()
    expect(error).toBeInstanceOf(ConnectorError)
    // LDAP 4 (size limit), explained in both languages: never a shorter list of people.
    expect(error).toMatchObject({ kind: 'permanent', resultCode: 4 })
    expect((error as ConnectorError).localized.ja).toContain('上限')
  })
})
