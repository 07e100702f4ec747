/**
 * TargetUser / TargetGroup ↔ SCIM JSON (RFC 7643 core User and Group, enterprise User extension §4.3),
 * and the PATCH operations (RFC 7644 §3.5.2) that carry only what changed. read() maps back exactly what
 * create and PATCH write, so the planner sees no difference after a write.
 *
 * departmentCode goes to the enterprise `division`: RFC 7643 has no department-code attribute, `department`
 * holds the department's name, and `organization` is the company itself in most services.
 */
import { StringPool } from '../string-pool'
import {
  targetUserFields,
  type TargetAccount,
  type TargetGroup,
  type TargetGroupAccount,
  type TargetUser,
} from '../../engines/directory/directory-connectors'

export const coreUserSchema = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const enterpriseUserSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group'
export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

export interface ScimEnterpriseUser {
  readonly employeeNumber?: string
  readonly department?: string
  readonly division?: string
}

/** The part of a SCIM User that Renkei reads and writes. */
export interface ScimUserJson {
  readonly id?: string
  readonly externalId?: string
  readonly userName?: string
  readonly displayName?: string
  readonly name?: { readonly formatted?: string; readonly familyName?: string; readonly givenName?: string }
  readonly emails?: readonly { readonly value?: string; readonly type?: string; readonly primary?: boolean }[]
  readonly title?: string
  readonly active?: boolean
  readonly [enterpriseUserSchema]?: ScimEnterpriseUser
}

export interface ScimGroupJson {
  readonly id?: string
  readonly externalId?: string
  readonly displayName?: string
  readonly members?: readonly { readonly value?: string }[]
}

export interface PatchOperation {
  readonly op: 'replace' | 'remove'
  readonly path: string
  readonly value?: unknown
}

const enterprise = (attribute: keyof ScimEnterpriseUser): string => `${enterpriseUserSchema}:${attribute}`

/** Empty strings count as absent: many services send "" for an attribute that was never set. */
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/** Drops null, undefined and "" so a create carries only what the user has. */
function present<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Partial<T>
}

const replace = (path: string, value: unknown): PatchOperation => ({ op: 'replace', path, value })
const setOrRemove = (path: string, value: string | null): PatchOperation =>
  value === null || value === '' ? { op: 'remove', path } : replace(path, value)
const workEmail = (value: string) => ({ value, type: 'work', primary: true })

export function toScimUser(user: TargetUser, initialPassword: string | null): Record<string, unknown> {
  return {
    schemas: [coreUserSchema, enterpriseUserSchema],
    ...present({
      externalId: user.key,
      userName: user.login,
      displayName: user.displayName,
      title: user.title,
      password: initialPassword,
    }),
    name: present({ formatted: user.displayName, familyName: user.familyName, givenName: user.givenName }),
    ...(user.email === null ? {} : { emails: [workEmail(user.email)] }),
    active: user.active,
    [enterpriseUserSchema]: present({
      employeeNumber: user.key,
      department: user.department,
      division: user.departmentCode,
    }),
  }
}

function primaryEmail(emails: ScimUserJson['emails']): string | null {
  const list = Array.isArray(emails) ? emails : []
  return text((list.find((e) => e.primary === true) ?? list[0])?.value)
}

/** The TargetUser a SCIM User stands for, under the given key. */
export function targetFields(json: ScimUserJson, key: string): TargetUser {
  const extension = json[enterpriseUserSchema] ?? {}
  const login = json.userName ?? ''
  return {
    key,
    login,
    displayName: text(json.displayName) ?? text(json.name?.formatted) ?? login,
    familyName: json.name?.familyName ?? '',
    givenName: json.name?.givenName ?? '',
    email: primaryEmail(json.emails),
    departmentCode: text(extension.division),
    department: text(extension.department),
    title: text(json.title),
    active: json.active !== false,
  }
}

const noGroups: readonly string[] = Object.freeze([])

/** Every User is listed, keyed or not: whether Renkei may touch it is the ownership ledger's call. */
export function fromScimUser(json: ScimUserJson, pool = new StringPool()): TargetAccount | null {
  const ref = text(json.id)
  if (ref === null) return null
  const f = targetFields(json, '')
  // A literal, not a spread: 100,000 spread copies each got a hidden class of their own (~450 bytes apiece).
  return {
    key: text(json.externalId),
    login: f.login,
    displayName: f.displayName,
    familyName: f.familyName,
    givenName: f.givenName,
    email: f.email,
    departmentCode: pool.shared(f.departmentCode),
    department: pool.shared(f.department),
    title: pool.shared(f.title),
    active: f.active,
    ref,
    handle: ref,
    dn: null,
    groups: noGroups,
  }
}

const fieldOperations: Record<keyof TargetUser, (user: TargetUser) => PatchOperation[]> = {
  key: (u) => [replace('externalId', u.key), replace(enterprise('employeeNumber'), u.key)],
  login: (u) => [replace('userName', u.login)],
  displayName: (u) => [replace('displayName', u.displayName), replace('name.formatted', u.displayName)],
  familyName: (u) => [setOrRemove('name.familyName', u.familyName)],
  givenName: (u) => [setOrRemove('name.givenName', u.givenName)],
  email: (u) => [
    u.email === null ? { op: 'remove', path: 'emails' } : replace('emails', [workEmail(u.email)]),
  ],
  departmentCode: (u) => [setOrRemove(enterprise('division'), u.departmentCode)],
  department: (u) => [setOrRemove(enterprise('department'), u.department)],
  title: (u) => [setOrRemove('title', u.title)],
  active: (u) => [replace('active', u.active)],
}

/** Replace for each changed field, remove for those that became empty; `key` (an adoption) claims the account. */
export function userPatchOperations(
  user: TargetUser,
  changed: readonly (keyof TargetUser)[],
): PatchOperation[] {
  const fields = (['key', ...targetUserFields] as const).filter((f) => changed.includes(f))
  return fields.flatMap((field) => fieldOperations[field](user))
}

export const patchMessage = (operations: readonly PatchOperation[]) => ({
  schemas: [patchOpSchema],
  Operations: operations,
})

export function toScimGroup(group: TargetGroup, memberRefs: readonly string[]): Record<string, unknown> {
  return {
    schemas: [groupSchema],
    externalId: group.key,
    displayName: group.displayName,
    members: memberRefs.map((value) => ({ value })),
  }
}

/** Name and members as they should be, and the externalId that marks the group as Renkei's (kept on adoption). */
export function groupPatchOperations(group: TargetGroup, memberRefs: readonly string[]): PatchOperation[] {
  return [
    replace('externalId', group.key),
    replace('displayName', group.displayName),
    memberRefs.length === 0
      ? { op: 'remove', path: 'members' }
      : replace(
          'members',
          memberRefs.map((value) => ({ value })),
        ),
  ]
}

/** Every Group, keyed or not; members as SCIM ids. */
export function fromScimGroup(json: ScimGroupJson): TargetGroupAccount | null {
  const ref = text(json.id)
  if (ref === null) return null
  const members = Array.isArray(json.members) ? json.members : []
  const memberRefs = [...new Set(members.flatMap((m) => text(m.value) ?? []))]
  return { key: text(json.externalId), ref, handle: ref, displayName: json.displayName ?? '', memberRefs }
}
