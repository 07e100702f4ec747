/**
 * An LDAP tree Renkei did not create (loaded with ldapadd): hand-made `uid=` entries without employeeNumber,
 * a `cn=`-named entry, contractors with an employeeNumber the source does not have. Both department modes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { people, writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startSlapd, type LdifEntry, type Slapd } from '../support/slapd'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

const day = 24 * 60 * 60 * 1000
const b64 = (text: string): string => Buffer.from(text).toString('base64')

let slapd: Slapd
let site = 0

beforeAll(async () => {
  slapd = await startSlapd()
})
afterAll(async () => {
  await slapd.stop()
})

describe.each(['attribute', 'ou'] as const)('an existing LDAP tree (departments as %s)', (departmentsAs) => {
  let dir: string
  let core: Core
  let clock: TestClock
  let base: string
  let usersDn: string

  /** The tree as an admin left it before Renkei: nothing here carries Renkei's mark. */
  async function loadTree(): Promise<void> {
    const entry = (dn: string, lines: string[]): string =>
      [`dn: ${dn}`, 'objectClass: inetOrgPerson', ...lines, ''].join('\n')
    await slapd.ldapadd(
      [
        `dn: ${base}\nobjectClass: organizationalUnit\nou: site${site}\n`,
        `dn: ${usersDn}\nobjectClass: organizationalUnit\nou: people\n`,
        `dn: ou=contractors,${usersDn}\nobjectClass: organizationalUnit\nou: contractors\n`,
        entry(`uid=e0001,${usersDn}`, ['uid: e0001', `cn:: ${b64('山田 太郎')}`, 'sn: Yamada']),
        entry(`cn=${'Sato Jiro'},${usersDn}`, [
          'cn: Sato Jiro',
          'sn: Sato',
          'uid: e0002',
          'mail: user2@example.jp',
        ]),
        entry(`uid=c9001,${usersDn}`, [
          'uid: c9001',
          'cn: Contractor One',
          'sn: One',
          'employeeNumber: C-9001',
        ]),
        entry(`uid=c9002,ou=contractors,${usersDn}`, [
          'uid: c9002',
          'cn: Contractor Two',
          'sn: Two',
          'employeeNumber: C-9002',
        ]),
      ].join('\n'),
    )
  }

  const everyone = (): Promise<LdifEntry[]> =>
    slapd.ldapsearch(base, '(objectClass=inetOrgPerson)', ['uid', 'cn', 'sn', 'employeeNumber', 'mail', 'ou'])
  const withUid = async (uid: string): Promise<LdifEntry[]> =>
    (await everyone()).filter((e) => e.attributes.uid?.includes(uid))
  const contractors = async (): Promise<LdifEntry[]> =>
    (await everyone()).filter((e) => e.attributes.employeenumber?.[0]?.startsWith('C-'))

  async function configure(persons: CsvPerson[]): Promise<void> {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, persons) },
      target: {
        kind: 'ldap',
        url: slapd.url,
        security: 'plain',
        allowPlain: true,
        bindDn: slapd.rootDn,
        usersDn,
        suspendedDn: `ou=gone,${base}`,
        departmentsAs,
      },
    })
  }

  beforeEach(async () => {
    site++
    base = `ou=site${site},${slapd.suffix}`
    usersDn = `ou=people,${base}`
    await loadTree()
    dir = tempDataDir('renkei-own-ldap-')
    clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
    const secrets = new MemorySecretStore()
    await secrets.set(directorySecretNames.targetLdapPassword, slapd.rootPassword)
    core = await openTestCore(dir, { secrets, clock })
  })
  afterEach(async () => {
    await core.close()
  })

  it('lists contractors as foreign and never touches them, however many runs and days pass', async () => {
    const before = await contractors()
    expect(before).toHaveLength(2)
    await configure(people(3))
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user).toMatchObject({ create: 1, adopt: 2, suspend: 0, delete: 0 })
    expect(plan.foreign.map((f) => f.name).sort()).toEqual(['c9001', 'c9002'])
    for (let run = 0; run < 4; run++) {
      await confirmedDirectoryRun(core.api, { approveDeletions: true, approveAdoptions: run > 0 })
      clock.jump(40 * day)
    }
    expect(await contractors()).toEqual(before)
    expect((await core.api['directory.preview']({})).itemsTotal).toBe(0)
  })

  it('adopts uid= and cn= entries by login only after approval, never creating a second entry', async () => {
    await configure(people(3))
    const waiting = await confirmedDirectoryRun(core.api)
    expect(waiting.outcome).toBe('warning')
    expect(waiting.message.ja).toContain('2 件が引き継ぎの承認待ち')
    expect((await withUid('e0001'))[0]!.attributes.employeenumber).toBeUndefined()
    expect(await withUid('e0003')).toHaveLength(1)

    expect((await confirmedDirectoryRun(core.api, { approveAdoptions: true })).outcome).toBe('ok')
    for (const [uid, key] of [
      ['e0001', 'E0001'],
      ['e0002', 'E0002'],
      ['e0003', 'E0003'],
    ] as const) {
      const found = await withUid(uid)
      expect(found.map((e) => e.attributes.employeenumber)).toEqual([[key]])
    }
    const jiro = (await withUid('e0002'))[0]!
    expect(jiro.dn.startsWith('cn=Sato Jiro,')).toBe(true)
    expect(jiro.attributes.cn).toEqual(expect.arrayContaining(['Sato Jiro', '山田 太郎2']))
    expect(await everyone()).toHaveLength(5)
    expect((await core.api['directory.preview']({})).itemsTotal).toBe(0)
  })

  it('renames the person behind a cn= entry without LDAP 65 and without dropping its cn', async () => {
    await configure(people(3))
    await confirmedDirectoryRun(core.api, { approveAdoptions: true })
    const renamed = people(3).map((p) =>
      p.key === 'E0002' ? { ...p, name: '鈴木 次郎', login: 'jiro.suzuki', dept: 'SALES' } : p,
    )
    await configure(renamed)
    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('ok')
    const jiro = await withUid('jiro.suzuki')
    expect(jiro).toHaveLength(1)
    expect(jiro[0]!.dn.startsWith('cn=Sato Jiro,')).toBe(true)
    expect(jiro[0]!.attributes.cn).toEqual(expect.arrayContaining(['鈴木 次郎', 'Sato Jiro']))
    expect(await withUid('e0002')).toEqual([])
    expect((await core.api['directory.preview']({})).itemsTotal).toBe(0)
  })

  it('excluded branch and group: listed as excluded, their people neither adopted nor duplicated', async () => {
    const group = `cn=no-sync,${base}`
    await slapd.ldapadd(
      `dn: ${group}\nobjectClass: groupOfNames\ncn: no-sync\nmember: uid=e0001,${usersDn}\n`,
    )
    await configure(people(3))
    const config = await core.api['directory.config.get']({})
    await core.api['directory.config.update']({
      ...config,
      exclusions: { logins: [], branches: [`ou=contractors,${usersDn}`], groups: [group] },
    })
    const plan = await core.api['directory.preview']({})
    expect(plan.excluded.map((e) => [e.name, e.reason?.en]).sort()).toEqual([
      ['c9002', `exclusion rule (branch ou=contractors,${usersDn})`],
      ['e0001', `exclusion rule (group ${group})`],
    ])
    expect(plan.held.map((h) => h.key)).toEqual(['E0001'])
    expect(plan.counts.user).toMatchObject({ adopt: 1, create: 1 })
    const before = await everyone()
    await confirmedDirectoryRun(core.api, { approveAdoptions: true, approveDeletions: true })
    const after = await everyone()
    for (const uid of ['e0001', 'c9002'])
      expect(after.filter((e) => e.attributes.uid?.includes(uid))).toEqual(
        before.filter((e) => e.attributes.uid?.includes(uid)),
      )
    expect(after).toHaveLength(5)
  })
})
