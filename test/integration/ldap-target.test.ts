import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { LdapDirectoryTarget } from '../../src/main/core/connectors/ldap/ldap-directory-target'
import type { TargetUser } from '../../src/main/core/engines/directory/directory-connectors'
import { ldapTargetConfig, type LdapTargetConfig } from '../../src/shared/model/directory-config'
import { startSlapd, type LdifEntry, type Slapd } from '../support/slapd'

const chat = 'ou=chat,dc=example,dc=jp'
const usersDn = `ou=users,${chat}`
const suspendedDn = `ou=suspended,${chat}`
const groupsDn = `ou=groups,${chat}`
const userAttrs = ['objectClass', 'uid', 'cn', 'sn', 'givenName', 'displayName', 'mail', 'employeeNumber']
const allAttrs = [...userAttrs, 'departmentNumber', 'ou', 'title', 'userPassword']

const taro: TargetUser = {
  key: 'E001',
  login: 'taro',
  displayName: '山田 太郎',
  familyName: '山田',
  givenName: '太郎',
  email: 'taro@example.jp',
  departmentCode: 'D10',
  department: '営業部',
  title: '部長',
  active: true,
}
const hanako: TargetUser = {
  key: 'E002',
  login: 'hanako',
  displayName: '佐藤 花子',
  familyName: '佐藤',
  givenName: '',
  email: null,
  departmentCode: null,
  department: null,
  title: null,
  active: true,
}

let slapd: Slapd
const targets: LdapDirectoryTarget[] = []

function target(
  overrides: Partial<LdapTargetConfig> = {},
  password = slapd.rootPassword,
): LdapDirectoryTarget {
  const config = ldapTargetConfig.parse({
    kind: 'ldap',
    url: slapd.url,
    security: 'plain',
    allowPlain: true,
    bindDn: slapd.rootDn,
    usersDn,
    suspendedDn,
    groupsDn,
    timeoutSeconds: 5,
    ...overrides,
  })
  const made = new LdapDirectoryTarget(config, password)
  targets.push(made)
  return made
}

async function entry(dn: string): Promise<LdifEntry | null> {
  const found = await slapd.ldapsearch(dn, '(objectClass=*)', allAttrs)
  return found.find((e) => e.dn === dn) ?? null
}

const signal = (): AbortSignal => new AbortController().signal

beforeAll(async () => {
  slapd = await startSlapd()
})

afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()))
})

afterAll(async () => {
  await slapd?.stop()
})

describe('LdapDirectoryTarget users', () => {
  it('check() says when the parent of the users branch is missing, without writing', async () => {
    const check = await target().check()
    expect(check.ok).toBe(false)
    expect(check.message.ja).toContain(chat)
    expect(await slapd.ldapsearch(chat)).toEqual([])
  })

  it('creates users (and the branches) with the mapped attributes and a working initial password', async () => {
    const t = target()
    const taroDn = await t.createUser(taro, 'Init-Pass-1')
    expect(taroDn).toBe(`uid=taro,${usersDn}`)
    const hanakoDn = await t.createUser(hanako, null)
    const written = await entry(taroDn)
    expect(written?.attributes).toMatchObject({
      objectclass: expect.arrayContaining(['inetOrgPerson']),
      uid: ['taro'],
      cn: ['山田 太郎'],
      sn: ['山田'],
      givenname: ['太郎'],
      displayname: ['山田 太郎'],
      mail: ['taro@example.jp'],
      employeenumber: ['E001'],
      departmentnumber: ['D10'],
      ou: ['営業部'],
      title: ['部長'],
    })
    expect(written?.attributes.userpassword?.[0]).toMatch(/^\{SSHA\}/)
    expect(await slapd.canBind(taroDn, 'Init-Pass-1')).toBe(true)
    expect(await slapd.canBind(taroDn, 'wrong')).toBe(false)
    const bare = await entry(hanakoDn)
    expect(Object.keys(bare!.attributes).sort()).toEqual(
      ['cn', 'displayname', 'employeenumber', 'objectclass', 'sn', 'uid'].sort(),
    )
    expect((await slapd.ldapsearch(chat, '(objectClass=organizationalUnit)')).map((e) => e.dn)).toEqual([
      chat,
      usersDn,
    ])
  })

  it('never turns a create into a takeover, even of an entry with the same key (the ledger recognises its own)', async () => {
    const error = await target()
      .createUser({ ...taro, email: 'yamada@example.jp' }, 'Other-Pass')
      .catch((e: unknown) => e)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect((error as ConnectorError).localized.en).toContain('(employeeNumber E001) that Renkei does not own')
    const found = await slapd.ldapsearch(usersDn, '(employeeNumber=E001)', ['mail'])
    expect(found.map((e) => e.attributes.mail)).toEqual([['taro@example.jp']])
    expect(await slapd.canBind(`uid=taro,${usersDn}`, 'Init-Pass-1')).toBe(true)
  })

  it('gives the entryUUID as the handle, and it survives a rename', async () => {
    const t = target()
    const dn = `uid=taro,${usersDn}`
    const handle = await t.handleOf(dn)
    expect(handle).toMatch(/^[0-9a-f-]{36}$/)
    expect((await t.read(signal())).users.find((u) => u.ref === dn)?.handle).toBe(handle)
    const renamed = await t.updateUser(dn, { ...taro, login: 'taro2' }, ['login'])
    expect(await t.handleOf(renamed)).toBe(handle)
    expect(await t.updateUser(renamed, taro, ['login'])).toBe(dn)
  })

  it('refuses to take over an entry with the same uid that is not this employee', async () => {
    await slapd.ldapadd(
      `dn: uid=guest,${usersDn}\nobjectClass: inetOrgPerson\nuid: guest\ncn: Guest\nsn: Guest\n`,
    )
    const error = await target()
      .createUser({ ...hanako, key: 'E099', login: 'guest' }, null)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect((error as ConnectorError).localized.en).toContain(`"uid=guest,${usersDn}" is already taken`)
    expect((await entry(`uid=guest,${usersDn}`))!.attributes.employeenumber).toBeUndefined()
  })

  it('changes only the changed field; a null field removes the attribute', async () => {
    const t = target()
    const dn = `uid=taro,${usersDn}`
    const before = (await entry(dn))!.attributes
    const current = { ...taro, email: 'yamada@example.jp' }
    expect(await t.updateUser(dn, { ...current, title: '本部長' }, ['title'])).toBe(dn)
    const after = (await entry(dn))!.attributes
    expect(after).toEqual({ ...before, title: ['本部長'] })
    await t.updateUser(dn, { ...current, title: '本部長', email: null }, ['email'])
    expect((await entry(dn))!.attributes.mail).toBeUndefined()
    await t.updateUser(dn, { ...current, title: '本部長', email: 'taro@example.jp' }, ['email'])
  })

  it('renames the entry when the login changes', async () => {
    const t = target()
    const moved = await t.updateUser(`uid=hanako,${usersDn}`, { ...hanako, login: 'hanako2' }, ['login'])
    expect(moved).toBe(`uid=hanako2,${usersDn}`)
    expect(await entry(`uid=hanako,${usersDn}`)).toBeNull()
    expect((await entry(moved))!.attributes.uid).toEqual(['hanako2'])
  })
})

describe('LdapDirectoryTarget groups and suspension', () => {
  const taroDn = `uid=taro,${usersDn}`
  const hanakoDn = `uid=hanako2,${usersDn}`
  const salesDn = `cn=sales,${groupsDn}`
  const sales = { key: 'sales', displayName: '営業チーム', memberKeys: ['E001', 'E002'] }
  const members = async (dn: string): Promise<readonly string[] | undefined> =>
    (await slapd.ldapsearch(dn, '(objectClass=*)', ['member']))[0]?.attributes.member

  it('creates groups with member DNs, and refuses to create one that exists (an adoption is planned instead)', async () => {
    const t = target()
    expect(await t.createGroup(sales, [taroDn, hanakoDn])).toBe(salesDn)
    const written = (await slapd.ldapsearch(salesDn, '(objectClass=*)', ['cn', 'description', 'member']))[0]!
    expect(written.attributes).toEqual({
      cn: ['sales'],
      description: ['営業チーム'],
      member: [taroDn, hanakoDn],
    })
    const error = await t.createGroup({ ...sales, memberKeys: ['E001'] }, [taroDn]).catch((e: unknown) => e)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect(await members(salesDn)).toEqual([taroDn, hanakoDn])
    await t.updateGroup(salesDn, { ...sales, memberKeys: ['E001'] }, [taroDn])
    expect(await members(salesDn)).toEqual([taroDn])
  })

  it('keeps an emptied group valid with itself as placeholder member, never reported as a member', async () => {
    const t = target()
    await t.createGroup({ key: 'dev', displayName: '開発', memberKeys: [] }, [])
    expect(await members(`cn=dev,${groupsDn}`)).toEqual([`cn=dev,${groupsDn}`])
    await t.updateGroup(salesDn, { ...sales, memberKeys: [] }, [])
    expect(await members(salesDn)).toEqual([salesDn])
    const state = await t.read(signal())
    expect(state.groups.map((g) => [g.key, g.memberRefs])).toEqual([
      ['sales', []],
      ['dev', []],
    ])
    await t.updateGroup(salesDn, { ...sales, displayName: '営業部' }, [taroDn, hanakoDn])
    expect(await members(salesDn)).toEqual([taroDn, hanakoDn])
  })

  it('moves a suspended user under suspendedDn and back, keeping group member DNs pointing at it', async () => {
    const t = target()
    const suspended = await t.setActive(taroDn, { ...taro, active: false }, false)
    expect(suspended).toBe(`uid=taro,${suspendedDn}`)
    expect(await entry(taroDn)).toBeNull()
    expect((await entry(suspended))!.attributes.employeenumber).toEqual(['E001'])
    expect(await members(salesDn)).toEqual([hanakoDn, suspended])
    const state = await t.read(signal())
    expect(state.users.find((u) => u.key === 'E001')).toMatchObject({ active: false, ref: suspended })
    expect(state.groups[0]!.memberRefs).toEqual([hanakoDn, suspended])
    expect(await t.setActive(suspended, taro, true)).toBe(taroDn)
    expect(await entry(suspended)).toBeNull()
    expect(await members(salesDn)).toEqual([hanakoDn, taroDn])
    expect(await t.setActive(taroDn, taro, true)).toBe(taroDn)
  })

  it('reads back what it wrote, and lists entries without employeeNumber too (key null)', async () => {
    const state = await target().read(signal())
    expect(state.licenceLimit).toBeNull()
    const handle = expect.stringMatching(/^[0-9a-f-]{36}$/)
    expect(state.users.filter((u) => u.key !== null)).toEqual([
      { ...taro, title: '本部長', ref: taroDn, handle, dn: taroDn, groups: [] },
      { ...hanako, login: 'hanako2', ref: hanakoDn, handle, dn: hanakoDn, groups: [] },
    ])
    expect(state.users.find((u) => u.key === null)).toMatchObject({
      login: 'guest',
      ref: `uid=guest,${usersDn}`,
    })
    expect(state.groups).toEqual([
      { ref: salesDn, key: 'sales', displayName: '営業部', memberRefs: [hanakoDn, taroDn], handle },
      { ref: `cn=dev,${groupsDn}`, key: 'dev', displayName: '開発', memberRefs: [], handle },
    ])
  })

  it('deletes users and groups, and deleting what is gone is fine', async () => {
    const t = target()
    await t.deleteUser(hanakoDn)
    expect(await entry(hanakoDn)).toBeNull()
    expect(await members(salesDn)).toEqual([taroDn])
    await t.deleteUser(hanakoDn)
    await t.deleteGroup(`cn=dev,${groupsDn}`)
    await t.deleteGroup(`cn=dev,${groupsDn}`)
    expect((await t.read(signal())).groups.map((g) => g.key)).toEqual(['sales'])
  })

  it('check() reports the branches it found', async () => {
    const check = await target().check()
    expect(check.ok).toBe(true)
    expect(check.message.ja).toContain(`ユーザーの置き場所「${usersDn}」があります`)
    expect(check.message.en).toContain(`"${suspendedDn}" exists`)
  })
})

describe('LdapDirectoryTarget with departments as OUs', () => {
  const forum = 'ou=people,ou=forum,dc=example,dc=jp'
  const settings = { usersDn: forum, suspendedDn: 'ou=gone,ou=forum,dc=example,dc=jp', groupsDn: '' }

  it('places users in an OU per department and moves them when the department changes', async () => {
    await slapd.ldapadd('dn: ou=forum,dc=example,dc=jp\nobjectClass: organizationalUnit\nou: forum\n')
    const t = target({ ...settings, departmentsAs: 'ou' })
    const dn = await t.createUser(taro, null)
    expect(dn).toBe(`uid=taro,ou=D10,${forum}`)
    expect(await entry(`ou=D10,${forum}`)).not.toBeNull()
    const moved = await t.updateUser(dn, { ...taro, departmentCode: 'D20', department: '開発部' }, [
      'departmentCode',
      'department',
    ])
    expect(moved).toBe(`uid=taro,ou=D20,${forum}`)
    const suspended = await t.setActive(moved, { ...taro, active: false }, false)
    expect(suspended).toBe(`uid=taro,${settings.suspendedDn}`)
    const user = { ...taro, departmentCode: 'D20', department: '開発部' }
    expect(await t.setActive(suspended, user, true)).toBe(moved)
    const state = await t.read(signal())
    expect(state.users).toEqual([expect.objectContaining({ ...user, ref: moved })])
    expect(state.groups).toEqual([])
  })
})

describe('LdapDirectoryTarget failures', () => {
  it('says the bind DN or password was refused', async () => {
    const error = await target({}, 'wrong')
      .read(signal())
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).kind).toBe('auth')
    expect((await target({}, 'wrong').check()).ok).toBe(false)
  })

  it('says the bind DN may not write, naming it', async () => {
    const reader = 'cn=reader,dc=example,dc=jp'
    await slapd.ldapadd(
      `dn: ${reader}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: reader-secret\n`,
    )
    const error = await target({ bindDn: reader }, 'reader-secret')
      .createUser({ ...hanako, key: 'E777', login: 'nobody' }, null)
      .catch((e: unknown) => e)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect((error as ConnectorError).localized.ja).toContain(`バインド DN「${reader}」には`)
    expect(await entry(`uid=nobody,${usersDn}`)).toBeNull()
  })

  it('refuses to create groups when no groups branch is set', async () => {
    const error = await target({ groupsDn: '' })
      .createGroup({ key: 'x', displayName: 'x', memberKeys: [] }, [])
      .catch((e: unknown) => e)
    expect((error as ConnectorError).kind).toBe('permanent')
  })
})
