import { createHash, randomBytes } from 'node:crypto'
import { StringPool } from '../string-pool'
import { Attribute, Change, type Entry } from 'ldapts'
import type { TargetAccount, TargetUser } from '../../engines/directory/directory-connectors'
import { normalizeDn, type Rdn } from './ldap-dn'

/** inetOrgPerson attributes Renkei writes, and reads back. */
export const userAttributeNames = [
  'uid',
  'cn',
  'sn',
  'givenName',
  'displayName',
  'mail',
  'employeeNumber',
  'departmentNumber',
  'ou',
  'title',
] as const
type UserAttribute = (typeof userAttributeNames)[number]

/** Operational attributes that survive renames and moves, in order of preference (OpenLDAP, 389 DS). */
export const handleAttributeNames = ['entryUUID', 'nsUniqueId'] as const

/** Which attributes hold each TargetUser field (sn falls back to the display name, so it follows both). */
const attributesOf: Readonly<Record<keyof TargetUser, readonly UserAttribute[]>> = {
  key: ['employeeNumber'],
  login: ['uid'],
  displayName: ['cn', 'displayName', 'sn'],
  familyName: ['sn'],
  givenName: ['givenName'],
  email: ['mail'],
  departmentCode: ['departmentNumber'],
  department: ['ou'],
  title: ['title'],
  active: [],
}

const present = (value: string | null): string[] => (value === null || value === '' ? [] : [value])

/** The attribute values a user should have; an empty list means the attribute is absent. */
export function userAttributes(user: TargetUser): Record<UserAttribute, string[]> {
  return {
    uid: [user.login],
    cn: [user.displayName],
    // sn is required by person: a one-word name has no family part of its own.
    sn: [user.familyName === '' ? user.displayName : user.familyName],
    givenName: present(user.givenName),
    displayName: [user.displayName],
    mail: present(user.email),
    employeeNumber: [user.key],
    departmentNumber: present(user.departmentCode),
    ou: present(user.department),
    title: present(user.title),
  }
}

/** The add request for a new user entry; the initial password goes in hashed ({SSHA}). */
export function newUserEntry(user: TargetUser, initialPassword: string | null): Record<string, string[]> {
  const entry: Record<string, string[]> = {
    objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
  }
  for (const [name, values] of Object.entries(userAttributes(user)))
    if (values.length > 0) entry[name] = values
  if (initialPassword) entry.userPassword = [sshaHash(initialPassword)]
  return entry
}

/**
 * Replace changes for the attributes behind `changed` (a replace with no values removes the attribute). The
 * value an entry is named by (its RDN, e.g. `cn=山田 太郎` on a hand-made entry) is kept: the server refuses
 * to drop it, and cn is required anyway.
 */
export function userChanges(user: TargetUser, changed: readonly (keyof TargetUser)[], rdn?: Rdn): Change[] {
  const wanted = userAttributes(user)
  const names = new Set(changed.flatMap((field) => attributesOf[field]))
  return [...names].map((name) => {
    const naming = rdn?.pairs.find((p) => p.type.toLowerCase() === name.toLowerCase())
    const values =
      naming && !wanted[name].includes(naming.value) ? [...wanted[name], naming.value] : wanted[name]
    return replaceChange(name, values)
  })
}

/** Sets an attribute to exactly `values` (none: the attribute is removed, and absent is fine). */
export function replaceChange(type: string, values: readonly string[]): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type, values: [...values] }) })
}

const accountAttributes: ReadonlySet<string> = new Set(
  [...userAttributeNames, ...handleAttributeNames].map((name) => name.toLowerCase()),
)

function firstNonEmpty(value: Entry[string] | undefined): string | null {
  if (value === undefined) return null
  for (const v of Array.isArray(value) ? value : [value]) {
    const text = (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)).trim()
    if (text !== '') return text
  }
  return null
}

/**
 * Any inetOrgPerson entry as an account, keyed or not; `active` is decided by where the entry lives. One
 * reader per listing: it picks out only the attributes an account needs, without copying each of 100,000
 * entries into a map first (that garbage was a large part of the LDAP preview's peak memory).
 */
export class TargetAccountReader {
  private readonly lowerNames = new Map<string, string>()
  private readonly values = new Map<string, string>()
  private readonly pool = new StringPool()

  /** `dn` is the entry's DN in normal form, when the caller has it already (100,000 entries: parse once). */
  account(entry: Entry, active: boolean, dn = normalizeDn(entry.dn)): TargetAccount {
    this.read(entry)
    const displayName = this.first('displayname') ?? this.first('cn') ?? ''
    return {
      ref: entry.dn,
      handle: this.first('entryuuid') ?? this.first('nsuniqueid') ?? `dn:${dn}`,
      dn,
      groups: [],
      key: this.first('employeenumber'),
      login: this.first('uid') ?? '',
      displayName,
      familyName: this.first('sn') ?? '',
      givenName: this.first('givenname') ?? '',
      email: this.first('mail'),
      departmentCode: this.pool.shared(this.first('departmentnumber')),
      department: this.pool.shared(this.first('ou')),
      title: this.pool.shared(this.first('title')),
      active,
    }
  }

  private first(lowerName: string): string | null {
    return this.values.get(lowerName) ?? null
  }

  /** ldapts keys attributes as the server spelled them: matched case-insensitively, as entryValues does. */
  private read(entry: Entry): void {
    this.values.clear()
    for (const name of Object.keys(entry)) {
      let lower = this.lowerNames.get(name)
      if (lower === undefined) this.lowerNames.set(name, (lower = name.toLowerCase()))
      if (!accountAttributes.has(lower)) continue
      const value = firstNonEmpty(entry[name])
      if (value === null) this.values.delete(lower)
      else this.values.set(lower, value)
    }
  }
}

/**
 * Salted SHA-1 in the {SSHA} scheme every common LDAP server verifies: the initial password is never stored
 * in clear text, whatever hashing overlay the server has or lacks.
 */
export function sshaHash(password: string): string {
  const salt = randomBytes(8)
  const digest = createHash('sha1').update(password, 'utf8').update(salt).digest()
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`
}
