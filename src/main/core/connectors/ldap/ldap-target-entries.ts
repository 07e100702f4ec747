import { createHash, randomBytes } from 'node:crypto'
import { StringPool } from '../string-pool'
import { Attribute, Change } from 'ldapts'
import type { TargetAccount, TargetUser } from '../../engines/directory/directory-connectors'
import { normalizeDn, type Rdn } from './ldap-dn'
import type { LeanEntry } from './ldap-lean-search'

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

/** What read() asks for, in this order (the order of LeanEntry.first). */
export const accountAttributeNames: readonly string[] = [...userAttributeNames, ...handleAttributeNames]
const at = Object.fromEntries(accountAttributeNames.map((name, i) => [name, i])) as Record<
  UserAttribute | (typeof handleAttributeNames)[number],
  number
>

/**
 * Any inetOrgPerson entry as an account, keyed or not; `active` is decided by where the entry lives. One
 * reader per listing (of `accountAttributeNames`, decoded lean): repeated department and title texts are
 * shared, not kept once per person.
 */
export class TargetAccountReader {
  private readonly pool = new StringPool()

  /** `dn` is the entry's DN in normal form, when the caller has it already (100,000 entries: parse once). */
  account(entry: LeanEntry, active: boolean, dn = normalizeDn(entry.dn)): TargetAccount {
    const value = entry.first
    return {
      ref: entry.dn,
      handle: value[at.entryUUID] ?? value[at.nsUniqueId] ?? `dn:${dn}`,
      dn,
      groups: [],
      key: value[at.employeeNumber] ?? null,
      login: value[at.uid] ?? '',
      displayName: value[at.displayName] ?? value[at.cn] ?? '',
      familyName: value[at.sn] ?? '',
      givenName: value[at.givenName] ?? '',
      email: value[at.mail] ?? null,
      departmentCode: this.pool.shared(value[at.departmentNumber] ?? null),
      department: this.pool.shared(value[at.ou] ?? null),
      title: this.pool.shared(value[at.title] ?? null),
      active,
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
