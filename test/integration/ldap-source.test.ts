import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { LdapDirectorySource } from '../../src/main/core/connectors/ldap/ldap-directory-source'
import {
  SourceInputError,
  type ReadProgress,
} from '../../src/main/core/engines/directory/directory-connectors'
import { ldapSourceConfig, type LdapSourceConfig } from '../../src/shared/model/directory-config'
import { startSlapd, type Slapd } from '../support/slapd'

const base = 'ou=people,dc=example,dc=jp'
const families = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤']
const givens = ['太郎', '花子', '一郎', '美咲', '健太', '陽子']
/** OU path below the base (top first), the department attribute, and how many people. */
const units = [
  { ous: ['本社', '営業部'], dept: '営業部', count: 8 },
  { ous: ['本社', '開発部'], dept: '開発部', count: 8 },
  { ous: ['大阪支社', '営業課'], dept: '大阪営業課', count: 8 },
  { ous: ['本社'], dept: '本社', count: 4 },
  { ous: [], dept: null, count: 2 },
]
const titlesByIndex: string[][] = [['部長'], ['課長'], ['主任'], ['主任', '部長'], []]

interface Person {
  readonly dn: string
  readonly n: number
  readonly ldif: string
}

const pad = (n: number): string => String(n).padStart(3, '0')
const ouDn = (ous: readonly string[]): string =>
  [...ous]
    .reverse()
    .map((o) => `ou=${o},`)
    .join('') + base

function people(): Person[] {
  const list: Person[] = []
  for (const unit of units) {
    for (let i = 0; i < unit.count; i++) {
      const n = list.length + 1
      const dn = `uid=u${pad(n)},${ouDn(unit.ous)}`
      const depts = unit.dept === null ? [] : n === 2 ? [unit.dept, '広報室'] : [unit.dept]
      const lines = [
        `dn: ${dn}`,
        'objectClass: inetOrgPerson',
        `uid: u${pad(n)}`,
        `employeeNumber: E${pad(n)}`,
        `cn: ${families[n % families.length]} ${givens[n % givens.length]}`,
        `sn: ${families[n % families.length]}`,
        `displayName: Employee ${n}`,
        `mail: u${pad(n)}@example.jp`,
        ...depts.map((d) => `departmentNumber: ${d}`),
        ...titlesByIndex[(n - 1) % 5]!.map((t) => `title: ${t}`),
      ]
      list.push({ dn, n, ldif: lines.join('\n') })
    }
  }
  return list
}

const ou = (dn: string, name: string): string => `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${name}`

function group(name: string, members: readonly string[]): string {
  return [`dn: cn=${name},ou=groups,dc=example,dc=jp`, 'objectClass: groupOfNames', `cn: ${name}`]
    .concat(members.map((m) => `member: ${m}`))
    .join('\n')
}

function seed(): string {
  const all = people()
  const ouEntries = [
    ou(base, 'people'),
    ou(ouDn(['本社']), '本社'),
    ou(ouDn(['本社', '営業部']), '営業部'),
    ou(ouDn(['本社', '開発部']), '開発部'),
    ou(ouDn(['大阪支社']), '大阪支社'),
    ou(ouDn(['大阪支社', '営業課']), '営業課'),
    ou('ou=groups,dc=example,dc=jp', 'groups'),
  ]
  const managers = all.filter((p) => titlesByIndex[(p.n - 1) % 5]!.includes('部長')).map((p) => p.dn)
  const groups = [
    group(
      '全社員',
      all.map((p) => p.dn),
    ),
    group('プロジェクトA', [
      // Written unlike the entries' own DNs. slapd itself removes the spaces and decodes the hex escapes
      // (開発部); the case it keeps, so matching must ignore it (ldap-dn.test.ts covers the rest).
      'UID=u001 , OU=営業部, ou=本社,OU=People,dc=EXAMPLE,dc=jp',
      'uid=u009,ou=\\E9\\96\\8B\\E7\\99\\BA\\E9\\83\\A8,ou=本社,ou=people,dc=example,dc=jp',
      'cn=admin,dc=example,dc=jp',
    ]),
    group('管理職', managers),
  ]
  return [...ouEntries, ...all.map((p) => p.ldif), ...groups].join('\n\n') + '\n'
}

const brokenBase = 'ou=取込テスト,dc=example,dc=jp'
const brokenSeed = [
  ou(brokenBase, '取込テスト'),
  `dn: uid=ok1,${brokenBase}\nobjectClass: inetOrgPerson\nuid: ok1\nemployeeNumber: K1\ncn: 正常 一郎\nsn: 正常`,
  `dn: uid=nokey,${brokenBase}\nobjectClass: inetOrgPerson\nuid: nokey\ncn: 番号 なし\nsn: 番号`,
  `dn: cn=ログインなし,${brokenBase}\nobjectClass: inetOrgPerson\nemployeeNumber: K3\ncn: ログインなし\nsn: なし`,
].join('\n\n')

/** A bind DN the server limits to 5 entries per search. */
const reader = 'cn=reader,dc=example,dc=jp'
const readerEntry = `dn: ${reader}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: reader-secret\n`

let slapd: Slapd

function config(overrides: Partial<LdapSourceConfig> = {}): LdapSourceConfig {
  return ldapSourceConfig.parse({
    kind: 'ldap',
    url: slapd.url,
    security: 'plain',
    allowPlain: true,
    bindDn: slapd.rootDn,
    baseDn: base,
    groupBaseDn: 'ou=groups,dc=example,dc=jp',
    // The schema's smallest page: 30 people take three pages.
    pageSize: 10,
    timeoutSeconds: 5,
    ...overrides,
  })
}

const signal = (): AbortSignal => new AbortController().signal

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

beforeAll(async () => {
  slapd = await startSlapd({ tls: true, databaseConfig: [`limits dn.exact="${reader}" size=5`] })
  await slapd.ldapadd(seed())
  await slapd.ldapadd(brokenSeed)
  await slapd.ldapadd(readerEntry)
})

afterAll(async () => {
  await slapd?.stop()
})

describe('LdapDirectorySource.read', () => {
  it('reads every person in pages of 10, with departments from the attribute', async () => {
    const progress: ReadProgress[] = []
    const { snapshot, locations } = await new LdapDirectorySource(config(), slapd.rootPassword).read(
      signal(),
      (p) => progress.push(p),
    )
    expect(progress.map((p) => p.read)).toEqual([10, 20, 30, 33])
    expect(snapshot.employees.map((e) => e.key)).toEqual(people().map((p) => `E${pad(p.n)}`))
    expect(locations.employees[0]).toEqual({ where: `uid=u001,ou=営業部,ou=本社,${base}`, line: null })
    expect(snapshot.employees[1]).toEqual({
      key: 'E002',
      login: 'u002',
      nameJa: '鈴木 一郎',
      nameEn: 'Employee 2',
      kana: null,
      email: 'u002@example.jp',
      mainDepartment: '営業部',
      otherDepartments: ['広報室'],
      positions: ['課長'],
      groups: ['全社員'],
      active: true,
    })
    expect(snapshot.employees[3]!.positions).toEqual(['部長', '主任'])
    expect(snapshot.employees[29]).toMatchObject({ key: 'E030', mainDepartment: null, positions: [] })
    expect(snapshot.departments).toEqual(
      ['営業部', '広報室', '開発部', '大阪営業課', '本社'].map((name, i) => ({
        code: name,
        nameJa: name,
        nameEn: null,
        parent: null,
        order: i + 1,
      })),
    )
    expect(locations.departments[1]).toEqual({ where: `uid=u002,ou=営業部,ou=本社,${base}`, line: null })
    expect(snapshot.positions).toEqual([
      { code: '部長', nameJa: '部長', nameEn: null, rank: 1 },
      { code: '課長', nameJa: '課長', nameEn: null, rank: 2 },
      { code: '主任', nameJa: '主任', nameEn: null, rank: 3 },
    ])
  })

  it('resolves group members by DN whatever their case', async () => {
    const { snapshot } = await new LdapDirectorySource(config(), slapd.rootPassword).read(signal())
    expect(snapshot.groups).toEqual([
      { code: '全社員', nameJa: '全社員', nameEn: null },
      { code: 'プロジェクトA', nameJa: 'プロジェクトA', nameEn: null },
      { code: '管理職', nameJa: '管理職', nameEn: null },
    ])
    const groupsOf = (key: string): readonly string[] => snapshot.employees.find((e) => e.key === key)!.groups
    expect(groupsOf('E001')).toEqual(['全社員', 'プロジェクトA', '管理職'])
    expect(groupsOf('E009')).toEqual(['全社員', 'プロジェクトA', '管理職'])
    expect(groupsOf('E010')).toEqual(['全社員'])
    expect(groupsOf('E003')).toEqual(['全社員'])
    const inManagers = snapshot.employees.filter((e) => e.groups.includes('管理職')).map((e) => e.key)
    expect(inManagers).toEqual([
      'E001',
      'E004',
      'E006',
      'E009',
      'E011',
      'E014',
      'E016',
      'E019',
      'E021',
      'E024',
      'E026',
      'E029',
    ])
  })

  it('reads no groups when no group base is set', async () => {
    const { snapshot } = await new LdapDirectorySource(config({ groupBaseDn: '' }), slapd.rootPassword).read(
      signal(),
    )
    expect(snapshot.groups).toEqual([])
    expect(snapshot.employees.every((e) => e.groups.length === 0)).toBe(true)
  })

  it('builds the department tree from the OU path', async () => {
    const source = new LdapDirectorySource(config({ departmentsFrom: 'ou' }), slapd.rootPassword)
    const { snapshot, locations } = await source.read(signal())
    const code = (...ous: string[]): string => ouDn(ous).toLowerCase()
    expect(snapshot.departments).toEqual([
      { code: code('本社'), nameJa: '本社', nameEn: null, parent: null, order: 1 },
      { code: code('本社', '営業部'), nameJa: '営業部', nameEn: null, parent: code('本社'), order: 2 },
      { code: code('本社', '開発部'), nameJa: '開発部', nameEn: null, parent: code('本社'), order: 3 },
      { code: code('大阪支社'), nameJa: '大阪支社', nameEn: null, parent: null, order: 4 },
      {
        code: code('大阪支社', '営業課'),
        nameJa: '営業課',
        nameEn: null,
        parent: code('大阪支社'),
        order: 5,
      },
    ])
    expect(locations.departments[4]).toEqual({ where: `ou=営業課,ou=大阪支社,${base}`, line: null })
    const main = (key: string): string | null => snapshot.employees.find((e) => e.key === key)!.mainDepartment
    expect(main('E001')).toBe(code('本社', '営業部'))
    expect(main('E017')).toBe(code('大阪支社', '営業課'))
    expect(main('E025')).toBe(code('本社'))
    expect(main('E030')).toBeNull()
    expect(snapshot.employees.every((e) => e.otherDepartments.length === 0)).toBe(true)
  })

  it('leaves unmapped attributes out', async () => {
    const attributes = { ...config().attributes, nameEn: '', email: '', position: '' }
    const source = new LdapDirectorySource(config({ attributes, groupBaseDn: '' }), slapd.rootPassword)
    const { snapshot } = await source.read(signal())
    expect(snapshot.employees[0]).toMatchObject({ nameEn: null, email: null, positions: [] })
    expect(snapshot.positions).toEqual([])
  })

  it('reports every entry that lacks a required attribute, with its DN', async () => {
    const source = new LdapDirectorySource(
      config({ baseDn: brokenBase, groupBaseDn: '' }),
      slapd.rootPassword,
    )
    const error = await source.read(signal()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceInputError)
    const problems = (error as SourceInputError).problems
    expect(problems.map((p) => p.location)).toEqual([
      { where: `uid=nokey,${brokenBase}`, line: null },
      { where: `cn=ログインなし,${brokenBase}`, line: null },
    ])
    expect(problems[0]!.message.ja).toContain('employeeNumber')
    expect(problems[1]!.message.en).toContain('uid')
  })

  it('stops between pages when aborted', async () => {
    const controller = new AbortController()
    const source = new LdapDirectorySource(config(), slapd.rootPassword)
    const reads: number[] = []
    const outcome = source.read(controller.signal, (p) => {
      reads.push(p.read)
      controller.abort()
    })
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' })
    expect(reads).toEqual([10])
  })
})

describe('LdapDirectorySource failures', () => {
  it('says the bind DN or password was refused', async () => {
    const error = await failure(new LdapDirectorySource(config(), 'wrong').read(signal()))
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('refused the bind DN or password')
    expect(error.serverAnswer).toContain('49')
    const check = await new LdapDirectorySource(config(), 'wrong').check()
    expect(check.ok).toBe(false)
    expect(check.message.ja).toContain('パスワード')
  })

  it('names a base DN that does not exist', async () => {
    const missing = 'ou=存在しない,dc=example,dc=jp'
    const source = new LdapDirectorySource(config({ baseDn: missing }), slapd.rootPassword)
    const error = await failure(source.read(signal()))
    expect(error.kind).toBe('permanent')
    expect(error.localized.ja).toContain(missing)
    const check = await source.check()
    expect(check).toMatchObject({ ok: false })
    expect(check.message.en).toContain(missing)
  })

  it('answers check() in plain words when all is well', async () => {
    const check = await new LdapDirectorySource(config(), slapd.rootPassword).check()
    expect(check.ok).toBe(true)
    expect(check.message.ja).toContain(`ベース DN「${base}」`)
  })

  it('calls a server that is not listening a transient failure naming host:port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
    const source = new LdapDirectorySource(config({ url: `ldap://127.0.0.1:${port}` }), slapd.rootPassword)
    const error = await failure(source.read(signal()))
    expect(error.kind).toBe('transient')
    expect(error.localized.en).toContain(`127.0.0.1:${port}`)
  })

  it('calls a server that does not answer in time a transient failure naming host:port', async () => {
    slapd.pause()
    try {
      const source = new LdapDirectorySource(config({ timeoutSeconds: 1 }), slapd.rootPassword)
      const error = await failure(source.read(signal()))
      expect(error.kind).toBe('transient')
      expect(error.localized.ja).toContain(`127.0.0.1:${slapd.port}`)
      expect(error.serverAnswer).toMatch(/timed out/)
    } finally {
      slapd.resume()
    }
  })

  it('refuses plain LDAP unless allowed, before any byte is sent', async () => {
    let connections = 0
    const listener: Server = createServer((socket) => {
      connections++
      socket.destroy()
    })
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    const { port } = listener.address() as { port: number }
    try {
      const plain = config({ url: `ldap://127.0.0.1:${port}`, allowPlain: false })
      const error = await failure(new LdapDirectorySource(plain, slapd.rootPassword).read(signal()))
      expect(error.kind).toBe('permanent')
      expect(error.localized.en).toContain('password would travel over the network unencrypted')
      expect((await new LdapDirectorySource(plain, slapd.rootPassword).check()).ok).toBe(false)
      expect(connections).toBe(0)
    } finally {
      listener.close()
    }
  })

  it('says the server stopped the search at its size limit', async () => {
    const source = new LdapDirectorySource(config({ bindDn: reader }), 'reader-secret')
    const error = await failure(source.read(signal()))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('size limit')
  })

  it('refuses a filter that is not LDAP syntax', async () => {
    const source = new LdapDirectorySource(config({ userFilter: '(objectClass=person' }), slapd.rootPassword)
    const error = await failure(source.read(signal()))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('(objectClass=person')
  })
})

describe('LdapDirectorySource over TLS (harness CA)', () => {
  const tls = (overrides: Partial<LdapSourceConfig>): LdapSourceConfig =>
    config({ allowPlain: false, groupBaseDn: '', ...overrides })

  it('reads over StartTLS and over ldaps:// when the CA is given', async () => {
    for (const settings of [
      tls({ security: 'starttls' }),
      tls({ security: 'ldaps', url: slapd.ldapsUrl! }),
    ]) {
      const source = new LdapDirectorySource(settings, slapd.rootPassword, { caPem: slapd.caPem! })
      expect((await source.check()).ok).toBe(true)
      expect((await source.read(signal())).snapshot.employees).toHaveLength(30)
    }
  })

  it('says the certificate is not trusted without the CA', async () => {
    for (const settings of [
      tls({ security: 'starttls' }),
      tls({ security: 'ldaps', url: slapd.ldapsUrl! }),
    ]) {
      const error = await failure(new LdapDirectorySource(settings, slapd.rootPassword).read(signal()))
      expect(error.kind).toBe('permanent')
      expect(error.localized.en).toContain('not trusted')
      expect(error.localized.ja).toContain('CA の証明書を Renkei に登録')
    }
  })

  it('says the host name does not match the certificate', async () => {
    // The harness certificate names 127.0.0.1 and ldap.renkei.test; localhost resolves to 127.0.0.1 here.
    const url = slapd.ldapsUrl!.replace('127.0.0.1', 'localhost')
    const source = new LdapDirectorySource(tls({ security: 'ldaps', url }), slapd.rootPassword, {
      caPem: slapd.caPem!,
    })
    const error = await failure(source.read(signal()))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('issued for another host name')
  })

  it('accepts an untrusted certificate only when verification is turned off', async () => {
    const settings = tls({ security: 'ldaps', url: slapd.ldapsUrl!, verifyCertificate: false })
    expect((await new LdapDirectorySource(settings, slapd.rootPassword).check()).ok).toBe(true)
  })
})
