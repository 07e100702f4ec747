import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startSlapd, type Slapd } from '../support/slapd'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

let slapd: Slapd
let dir: string
let core: Core

beforeAll(async () => {
  slapd = await startSlapd()
})
afterAll(async () => {
  await slapd.stop()
})

beforeEach(async () => {
  dir = tempDataDir('renkei-dir-ldap-')
  const secrets = new MemorySecretStore()
  await secrets.set(directorySecretNames.targetLdapPassword, slapd.rootPassword)
  await secrets.set(directorySecretNames.sourceLdapPassword, slapd.rootPassword)
  await secrets.set(directorySecretNames.initialPassword, 'Init-Pass-1')
  core = await openTestCore(dir, { secrets })
})
afterEach(async () => {
  await core.close()
})

const connection = () => ({
  url: slapd.url,
  security: 'plain' as const,
  allowPlain: true,
  bindDn: slapd.rootDn,
})

describe('directory sync with OpenLDAP (slapd)', () => {
  it('provisions the CSV people into slapd, with groups and the initial password; a second run writes nothing', async () => {
    const branch = (ou: string): string => `ou=${ou},${slapd.suffix}`
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(5)) },
      target: {
        kind: 'ldap',
        ...connection(),
        usersDn: branch('people'),
        suspendedDn: branch('suspended'),
        groupsDn: branch('groups'),
      },
    })
    expect((await core.api['directory.check']({ side: 'target' })).ok).toBe(true)
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')

    const entries = await slapd.ldapsearch(branch('people'), '(objectClass=inetOrgPerson)', [
      'uid',
      'cn',
      'sn',
      'employeeNumber',
      'ou',
      'mail',
    ])
    expect(entries.map((e) => e.attributes.employeenumber?.[0]).sort()).toEqual([
      'E0001',
      'E0002',
      'E0003',
      'E0004',
      'E0005',
    ])
    const first = entries.find((e) => e.attributes.uid?.[0] === 'e0001')!
    expect(first.attributes).toMatchObject({
      cn: ['山田 太郎1'],
      sn: ['山田'],
      ou: ['営業1課'],
      mail: ['user1@example.jp'],
    })
    expect(await slapd.canBind(first.dn, 'Init-Pass-1')).toBe(true)
    const groups = await slapd.ldapsearch(branch('groups'), '(objectClass=groupOfNames)', ['cn', 'member'])
    expect(groups.map((g) => [g.attributes.cn?.[0], g.attributes.member?.length])).toEqual([
      ['営業プロジェクト', 3],
    ])

    const again = await core.api['directory.preview']({})
    expect(again.itemsTotal).toBe(0)
    const second = await confirmedDirectoryRun(core.api)
    expect(second).toMatchObject({ outcome: 'ok', applied: 0, message: { en: 'No changes' } })

    // One person leaves: moved under the suspended branch, out of the groups.
    await core.api['directory.config.update']({
      ...(await core.api['directory.config.get']({})),
      deletionGuard: { maxCount: 500, maxPercent: 50 },
    })
    writeDirectoryCsv(dir, people(4))
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    const suspended = await slapd.ldapsearch(branch('suspended'), '(employeeNumber=*)', ['employeeNumber'])
    expect(suspended.map((e) => e.attributes.employeenumber?.[0])).toEqual(['E0005'])
  })

  it('reads people, departments and groups from slapd as a source (paged)', async () => {
    const base = `ou=source,${slapd.suffix}`
    const person = (n: number, ou: string): string =>
      [
        `dn: uid=src${n},ou=${ou},${base}`,
        'objectClass: inetOrgPerson',
        `uid: src${n}`,
        `cn:: ${Buffer.from(`鈴木 花子${n}`).toString('base64')}`,
        'sn: Suzuki',
        `employeeNumber: S${n}`,
        `departmentNumber: ${ou}`,
        '',
      ].join('\n')
    await slapd.ldapadd(
      [
        `dn: ${base}\nobjectClass: organizationalUnit\nou: source\n`,
        `dn: ou=tokyo,${base}\nobjectClass: organizationalUnit\nou: tokyo\n`,
        `dn: ou=osaka,${base}\nobjectClass: organizationalUnit\nou: osaka\n`,
        ...Array.from({ length: 12 }, (_, i) => person(i + 1, i % 3 === 0 ? 'osaka' : 'tokyo')),
      ].join('\n'),
    )
    await core.api['directory.config.update']({
      source: { kind: 'ldap', ...connection(), baseDn: base, pageSize: 10 },
    })
    expect((await core.api['directory.check']({ side: 'source' })).ok).toBe(true)
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    const status = await core.api['directory.status']({})
    expect(status.counts).toMatchObject({ employees: 12, departments: 2 })
    const osaka = await core.api['directory.employees']({ department: 'osaka' })
    expect(osaka.employees.map((e) => e.nameJa)).toEqual([
      '鈴木 花子1',
      '鈴木 花子10',
      '鈴木 花子4',
      '鈴木 花子7',
    ])
  })
})
