import { z } from 'zod'
import { csvPresetDefaults, csvPresets } from './csv-presets'
import { dailyTime } from './daily-time'
import { ldapInactiveMatches, ldapPresetDefaults, ldapSourcePresets } from './ldap-presets'
import { urlCredentialsRefusal, withoutUrlCredentials } from './url-credentials'

/**
 * Directory sync settings. Secrets (bind passwords, the SCIM token, the initial password) are never
 * here: they live in the keychain under `directorySecretNames`.
 */
export const directorySecretNames = {
  sourceLdapPassword: 'directory.source.ldap.password',
  targetLdapPassword: 'directory.target.ldap.password',
  targetScimToken: 'directory.target.scim.token',
  initialPassword: 'directory.target.initial-password',
} as const

const column = z.string().max(200)
const attribute = z.string().max(100)
const dn = z.string().max(1000)

/** CSV columns for each home-directory field, by header name. Empty = the file has no such column. */
export const csvUserMapping = z
  .object({
    key: column.min(1),
    login: column.min(1),
    nameJa: column.min(1),
    nameEn: column,
    kana: column,
    email: column,
    mainDepartment: column,
    otherDepartments: column,
    positions: column,
    groups: column,
    active: column,
  })
  .partial()
  .strict()

export const csvDepartmentMapping = z
  .object({
    code: column.min(1),
    nameJa: column.min(1),
    nameEn: column,
    parent: column,
    order: column,
    /** The groupware's own ID of the department, for references written as "*" + ID (desknet's NEO). */
    systemId: column,
  })
  .partial()
  .strict()

export const csvEncodings = ['auto', 'utf-8', 'shift_jis'] as const

/** Keeps only the columns the admin set, so the preset fills the rest. */
function given<T extends object>(columns: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(columns ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
}

export const csvSourceConfig = z
  .object({
    kind: z.literal('csv'),
    /** Which export the files are: fills the mapping, the inactive values and the reference style. */
    preset: z.enum(csvPresets).default('generic'),
    /** Absolute path of the user file the groupware exports. */
    usersFile: z.string().min(1).max(1000),
    /** Absolute path of the organisation (department) file. */
    departmentsFile: z.string().min(1).max(1000),
    /** auto: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Shift_JIS (CP932). */
    encoding: z.enum(csvEncodings).default('auto'),
    /** Separates several values in one cell (other departments, positions, groups). */
    listSeparator: z.string().min(1).max(3).default(';'),
    /** Cell values of the active column that mean "suspended" (compared case-insensitively); preset's when absent. */
    inactiveValues: z.array(z.string().max(50)).max(20).optional(),
    /** Columns; any field left out takes the preset's column. */
    users: csvUserMapping.optional(),
    departments: csvDepartmentMapping.optional(),
  })
  .strict()
  .transform((config) => {
    const preset = csvPresetDefaults[config.preset]
    return {
      ...config,
      inactiveValues: config.inactiveValues ?? [...preset.inactiveValues],
      users: { ...preset.users, ...given(config.users) },
      departments: { ...preset.departments, ...given(config.departments) },
    }
  })

/** ldaps:// or StartTLS; plain ldap:// only when the admin opted in (the bind password would travel in clear). */
export const ldapSecurity = ['ldaps', 'starttls', 'plain'] as const

const ldapConnection = {
  url: z
    .string()
    .regex(/^ldaps?:\/\/[^\s/]+\/?$/i, 'use ldap://host:port or ldaps://host:port')
    .refine(withoutUrlCredentials, urlCredentialsRefusal),
  security: z.enum(ldapSecurity).default('ldaps'),
  /** Must be true to use security "plain". */
  allowPlain: z.boolean().default(false),
  /** Verify the server certificate (turn off only for a test server; the UI warns). */
  verifyCertificate: z.boolean().default(true),
  bindDn: dn.min(1),
  timeoutSeconds: z.number().int().min(1).max(300).default(30),
}

const genericLdap = ldapPresetDefaults.generic

export const ldapSourceAttributes = z
  .object({
    key: attribute.min(1).default(genericLdap.attributes.key),
    login: attribute.min(1).default(genericLdap.attributes.login),
    nameJa: attribute.min(1).default(genericLdap.attributes.nameJa),
    nameEn: attribute.default(genericLdap.attributes.nameEn),
    kana: attribute.default(genericLdap.attributes.kana),
    email: attribute.default(genericLdap.attributes.email),
    department: attribute.default(genericLdap.attributes.department),
    position: attribute.default(genericLdap.attributes.position),
    groupName: attribute.min(1).default(genericLdap.attributes.groupName),
    groupMember: attribute.min(1).default(genericLdap.attributes.groupMember),
  })
  .strict()

/**
 * An attribute whose value marks a person inactive (suspended downstream, never provisioned active)
 * instead of leaving them out: 'bits' — the value as an integer has any of `value`'s bits set (AD:
 * userAccountControl, 2 = ACCOUNTDISABLE); 'equals' — the value equals `value`, ignoring case.
 * No attribute: everyone the user filter returns is active.
 */
export const ldapInactiveRule = z
  .object({
    attribute: attribute.default(''),
    match: z.enum(ldapInactiveMatches).default('equals'),
    value: z.string().trim().max(100).default(''),
  })
  .strict()
  .refine((r) => r.attribute === '' || r.value !== '', {
    message: 'give the value that means inactive',
    path: ['value'],
  })
  .refine((r) => r.match !== 'bits' || r.value === '' || /^[1-9]\d{0,9}$/.test(r.value), {
    message: 'a bit mask is a positive whole number, e.g. 2',
    path: ['value'],
  })

export const ldapSourceConfig = z
  .object({
    kind: z.literal('ldap'),
    /** The flavour the form's defaults came from (ldap-presets.ts); the core reads every flavour alike. */
    preset: z.enum(ldapSourcePresets).default('generic'),
    ...ldapConnection,
    baseDn: dn.min(1),
    userFilter: z.string().min(1).max(2000).default(genericLdap.userFilter),
    /** Empty: no groups are read. */
    groupBaseDn: dn.default(''),
    groupFilter: z.string().min(1).max(2000).default(genericLdap.groupFilter),
    attributes: ldapSourceAttributes.default(ldapSourceAttributes.parse({})),
    inactive: ldapInactiveRule.default({ attribute: '', match: 'equals', value: '' }),
    /** Departments from the department attribute's values, or from the OU path between the base and the entry. */
    departmentsFrom: z.enum(['attribute', 'ou']).default('attribute'),
    /** Members of a member group belong to the outer group too (AD nests groups); off: people listed directly only. */
    nestedGroups: z.boolean().default(false),
    pageSize: z.number().int().min(10).max(5000).default(genericLdap.pageSize),
  })
  .strict()

export const ldapTargetConfig = z
  .object({
    kind: z.literal('ldap'),
    ...ldapConnection,
    /** Active users live here (the chat or forum server reads this branch). */
    usersDn: dn.min(1),
    /** Suspended users are moved here, outside the branch the consumer reads. */
    suspendedDn: dn.min(1),
    /** Groups (groupOfNames) live here. Empty: groups are not provisioned. */
    groupsDn: dn.default(''),
    /** Departments as attributes of the user (ou, departmentNumber) or as OUs users are placed in. */
    departmentsAs: z.enum(['attribute', 'ou']).default('attribute'),
  })
  .strict()

export const scimTargetConfig = z
  .object({
    kind: z.literal('scim'),
    /** The SCIM service base, e.g. https://chat.example.co.jp/scim/v2 */
    baseUrl: z
      .string()
      .regex(/^https?:\/\/\S+$/i, 'use an http(s):// URL')
      .refine(withoutUrlCredentials, urlCredentialsRefusal),
    verifyCertificate: z.boolean().default(true),
    provisionGroups: z.boolean().default(true),
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
  })
  .strict()

export const directorySourceConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  csvSourceConfig,
  ldapSourceConfig,
])
export const directoryTargetConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  ldapTargetConfig,
  scimTargetConfig,
])

/** What identifies a source person with an existing account Renkei does not own yet (for adoption). */
export const adoptionMatches = ['key', 'login', 'email'] as const

/**
 * Accounts Renkei never touches, even its own (GCDS-style exclusion rules). Login patterns use `*` and `?`
 * and ignore case; branches are DN suffixes (LDAP); groups are display names (SCIM) or DNs (LDAP).
 */
export const directoryExclusions = z
  .object({
    logins: z.array(z.string().min(1, 'an empty login pattern').max(200)).max(100).default([]),
    branches: z.array(dn.min(1)).max(100).default([]),
    groups: z.array(z.string().min(1).max(1000)).max(100).default([]),
  })
  .strict()

export const directoryConfig = z
  .object({
    /** Seed ②: データの同期 行う／行わない. Off: runs only when asked. */
    scheduleEnabled: z.boolean().default(true),
    /** Seed ②: 同期実行時間 00:00. */
    at: dailyTime.default('00:00'),
    source: directorySourceConfig.default({ kind: 'none' }),
    target: directoryTargetConfig.default({ kind: 'none' }),
    /** Seats on the target; null: ask the target, and skip the check when it does not say. */
    licenceCount: z.number().int().min(0).max(10_000_000).nullable().default(null),
    deletionGuard: z
      .object({
        maxCount: z.number().int().min(0).max(10_000_000).default(500),
        maxPercent: z.number().min(0).max(100).default(10),
      })
      .strict()
      .default({ maxCount: 500, maxPercent: 10 }),
    /** Users missing from the source are suspended first and deleted after this many days. */
    graceDays: z.number().int().min(0).max(3650).default(30),
    /**
     * How a source person is matched to an account Renkei does not own (externalId / employeeNumber, login,
     * mail). A match is adopted only with the admin's approval; an install upgraded from a version without
     * ownership records sees its own keyed accounts this way, once.
     */
    adoptBy: z
      .array(z.enum(adoptionMatches))
      .min(1, 'choose at least one of key, login, email')
      .max(3)
      .refine((list) => new Set(list).size === list.length, 'name each of key, login, email at most once')
      .default(['key', 'login']),
    exclusions: directoryExclusions.default({ logins: [], branches: [], groups: [] }),
  })
  .strict()

export type DirectoryConfig = z.output<typeof directoryConfig>
export type DirectoryExclusions = z.output<typeof directoryExclusions>
export type AdoptionMatch = (typeof adoptionMatches)[number]
export type DirectoryConfigInput = z.input<typeof directoryConfig>
export type CsvSourceConfig = z.output<typeof csvSourceConfig>
export type LdapSourceConfig = z.output<typeof ldapSourceConfig>
export type LdapTargetConfig = z.output<typeof ldapTargetConfig>
export type ScimTargetConfig = z.output<typeof scimTargetConfig>
export type DirectorySourceConfig = z.output<typeof directorySourceConfig>
export type DirectoryTargetConfig = z.output<typeof directoryTargetConfig>

export const defaultDirectoryConfig: DirectoryConfig = directoryConfig.parse({})
