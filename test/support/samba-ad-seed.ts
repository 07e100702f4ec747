/**
 * Directory data for a Samba AD DC, as one LDIF for ldapadd. Bulk accounts are created with
 * PASSWD_NOTREQD (userAccountControl 544 = 512 + 32) and no password: Samba spends ~14 ms hashing each
 * password, which would dominate a load of thousands. The reader never looks at passwords.
 */

const enabled = 544
/** 544 + ACCOUNTDISABLE (2). */
export const disabledAccount = 546

const families = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤']
const givens = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '翔太', '由美']
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

export interface AdUser {
  readonly login: string
  readonly ou: string
  readonly department: string | null
  readonly disabled?: boolean
}

export function userLdif(baseDn: string, user: AdUser, n: number): string {
  return [
    `dn: CN=${user.login},OU=${user.ou},${baseDn}`,
    'objectClass: user',
    `sAMAccountName: ${user.login}`,
    `userPrincipalName: ${user.login}@corp.test`,
    `displayName:: ${b64(`${families[n % families.length]} ${givens[n % givens.length]}`)}`,
    `mail: ${user.login}@corp.test`,
    ...(user.department === null ? [] : [`department:: ${b64(user.department)}`]),
    `userAccountControl: ${user.disabled ? disabledAccount : enabled}`,
  ].join('\n')
}

export const ouLdif = (baseDn: string, ou: string): string =>
  `dn: OU=${ou},${baseDn}\nobjectClass: organizationalUnit\nou: ${ou}`

/** A global security group; members are full DNs and must already exist. */
export function groupLdif(baseDn: string, name: string, members: readonly string[]): string {
  return [
    `dn: CN=${name},OU=Groups,${baseDn}`,
    'objectClass: group',
    `sAMAccountName: ${name}`,
    ...members.map((m) => `member: ${m}`),
  ].join('\n')
}

/** user01–user10 in Sales (営業部), user11–user20 in Engineering (開発部); user20 is disabled. */
export const namedUsers: readonly AdUser[] = Array.from({ length: 20 }, (_, i) => {
  const sales = i < 10
  return {
    login: `user${String(i + 1).padStart(2, '0')}`,
    ou: sales ? 'Sales' : 'Engineering',
    department: sales ? '営業部' : '開発部',
    disabled: i === 19,
  }
})

/** More than AD's 1,000-entry page: the read must page to see them all. */
export const bulkUsers = 1_050

/** The integration tests' domain: named people, nested groups, and bulk people in OU=Bulk. */
export function adSeed(baseDn: string): string {
  const dnOf = (login: string, ou: string): string => `CN=${login},OU=${ou},${baseDn}`
  const entries = ['Sales', 'Engineering', 'Bulk', 'Groups'].map((ou) => ouLdif(baseDn, ou))
  namedUsers.forEach((user, i) => entries.push(userLdif(baseDn, user, i)))
  for (let i = 0; i < bulkUsers; i++) {
    const login = `bulk${String(i + 1).padStart(4, '0')}`
    entries.push(userLdif(baseDn, { login, ou: 'Bulk', department: null }, i))
  }
  entries.push(groupLdif(baseDn, 'AppAdmins', [dnOf('user01', 'Sales'), dnOf('user11', 'Engineering')]))
  entries.push(groupLdif(baseDn, 'AppUsers', [`CN=AppAdmins,OU=Groups,${baseDn}`, dnOf('user02', 'Sales')]))
  return `${entries.join('\n\n')}\n`
}

/**
 * A company for the benchmark: `users` people spread over `ous` OUs (one department each), a group per
 * OU, a group per 10 OU groups (nested), and one group holding those (two levels of nesting).
 */
export function companySeed(baseDn: string, users: number, ous: number): string {
  const ouName = (o: number): string => `Dept${String(o + 1).padStart(2, '0')}`
  const entries = [
    ouLdif(baseDn, 'Groups'),
    ...Array.from({ length: ous }, (_, o) => ouLdif(baseDn, ouName(o))),
  ]
  const members: string[][] = Array.from({ length: ous }, () => [])
  for (let i = 0; i < users; i++) {
    const o = i % ous
    const login = `emp${String(i + 1).padStart(5, '0')}`
    entries.push(userLdif(baseDn, { login, ou: ouName(o), department: `部署${o + 1}` }, i))
    members[o]!.push(`CN=${login},OU=${ouName(o)},${baseDn}`)
  }
  const groupDn = (name: string): string => `CN=${name},OU=Groups,${baseDn}`
  members.forEach((list, o) => entries.push(groupLdif(baseDn, `G-${ouName(o)}`, list)))
  const divisions: string[] = []
  for (let d = 0; d * 10 < ous; d++) {
    const inner = Array.from({ length: Math.min(10, ous - d * 10) }, (_, k) =>
      groupDn(`G-${ouName(d * 10 + k)}`),
    )
    entries.push(groupLdif(baseDn, `Division${d + 1}`, inner))
    divisions.push(groupDn(`Division${d + 1}`))
  }
  entries.push(groupLdif(baseDn, 'AllStaff', divisions))
  return `${entries.join('\n\n')}\n`
}
