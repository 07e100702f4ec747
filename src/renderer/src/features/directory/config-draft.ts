/**
 * What the Directory settings form holds: every field as typed (strings for numbers), for every source
 * and target kind at once, so switching the kind back and forth never loses what was entered.
 * Secrets are not here: they stay in the password fields until they are sent to `secrets.set`.
 */
import type { AdoptionMatch, DirectoryConfig } from '../../../../shared/model/directory-config'
import {
  csvSourceConfig,
  ldapSourceConfig,
  ldapTargetConfig,
  scimTargetConfig,
} from '../../../../shared/model/directory-config'

export type SourceKind = DirectoryConfig['source']['kind']
export type TargetKind = DirectoryConfig['target']['kind']
type CsvConfig = Extract<DirectoryConfig['source'], { kind: 'csv' }>
type LdapSourceConfig = Extract<DirectoryConfig['source'], { kind: 'ldap' }>
type LdapTargetConfig = Extract<DirectoryConfig['target'], { kind: 'ldap' }>
type ScimConfig = Extract<DirectoryConfig['target'], { kind: 'scim' }>
export type CsvUserField = keyof CsvConfig['users']
export type CsvDepartmentField = keyof CsvConfig['departments']
export type LdapAttributeField = keyof LdapSourceConfig['attributes']
export type LdapSecurity = LdapSourceConfig['security']

export interface LdapConnectionDraft {
  readonly url: string
  readonly security: LdapSecurity
  readonly allowPlain: boolean
  readonly verifyCertificate: boolean
  readonly bindDn: string
  readonly timeoutSeconds: string
}

export interface CsvDraft {
  readonly preset: CsvConfig['preset']
  readonly usersFile: string
  readonly departmentsFile: string
  readonly encoding: CsvConfig['encoding']
  readonly listSeparator: string
  /** Comma-separated, as the admin types it. */
  readonly inactiveValues: string
  readonly users: Readonly<Record<CsvUserField, string>>
  readonly departments: Readonly<Record<CsvDepartmentField, string>>
}

export interface LdapSourceDraft extends LdapConnectionDraft {
  readonly preset: LdapSourceConfig['preset']
  readonly baseDn: string
  readonly userFilter: string
  readonly groupBaseDn: string
  readonly groupFilter: string
  readonly attributes: Readonly<Record<LdapAttributeField, string>>
  readonly departmentsFrom: LdapSourceConfig['departmentsFrom']
  readonly nestedGroups: boolean
  readonly inactive: {
    readonly attribute: string
    readonly match: LdapSourceConfig['inactive']['match']
    readonly value: string
  }
  readonly pageSize: string
}

export interface LdapTargetDraft extends LdapConnectionDraft {
  readonly usersDn: string
  readonly suspendedDn: string
  readonly groupsDn: string
  readonly departmentsAs: LdapTargetConfig['departmentsAs']
}

export interface ScimDraft {
  readonly baseUrl: string
  readonly verifyCertificate: boolean
  readonly provisionGroups: boolean
  readonly timeoutSeconds: string
}

/** Ownership rules as the form edits them: match rules as checkboxes, exclusions one per line. */
export interface OwnershipDraft {
  readonly adoptBy: readonly AdoptionMatch[]
  readonly excludeLogins: string
  readonly excludeBranches: string
  readonly excludeGroups: string
}

export interface DirectoryDraft {
  readonly scheduleEnabled: boolean
  readonly at: string
  /** Empty: ask the target. */
  readonly licenceCount: string
  readonly maxCount: string
  readonly maxPercent: string
  readonly graceDays: string
  readonly sourceKind: SourceKind
  readonly csv: CsvDraft
  readonly sourceLdap: LdapSourceDraft
  readonly targetKind: TargetKind
  readonly targetLdap: LdapTargetDraft
  readonly scim: ScimDraft
  readonly ownership: OwnershipDraft
}

// The schema's own defaults, filled around placeholders for the fields that have none.
const csvDefaults = csvSourceConfig.parse({ kind: 'csv', usersFile: '-', departmentsFile: '-' })
const ldapSourceDefaults = ldapSourceConfig.parse({
  kind: 'ldap',
  url: 'ldaps://x',
  bindDn: '-',
  baseDn: '-',
})
const ldapTargetDefaults = ldapTargetConfig.parse({
  kind: 'ldap',
  url: 'ldaps://x',
  bindDn: '-',
  usersDn: '-',
  suspendedDn: '-',
})
const scimDefaults = scimTargetConfig.parse({ kind: 'scim', baseUrl: 'https://x' })

function connectionDraft(c: LdapSourceConfig | LdapTargetConfig): LdapConnectionDraft {
  return {
    url: c.url,
    security: c.security,
    allowPlain: c.allowPlain,
    verifyCertificate: c.verifyCertificate,
    bindDn: c.bindDn,
    timeoutSeconds: String(c.timeoutSeconds),
  }
}

function csvDraft(c: CsvConfig): CsvDraft {
  return {
    preset: c.preset,
    usersFile: c.usersFile,
    departmentsFile: c.departmentsFile,
    encoding: c.encoding,
    listSeparator: c.listSeparator,
    inactiveValues: c.inactiveValues.join(', '),
    users: { ...c.users },
    departments: { ...c.departments },
  }
}

function ldapSourceDraft(c: LdapSourceConfig): LdapSourceDraft {
  return {
    ...connectionDraft(c),
    preset: c.preset,
    baseDn: c.baseDn,
    userFilter: c.userFilter,
    groupBaseDn: c.groupBaseDn,
    groupFilter: c.groupFilter,
    attributes: { ...c.attributes },
    departmentsFrom: c.departmentsFrom,
    nestedGroups: c.nestedGroups,
    inactive: { ...c.inactive },
    pageSize: String(c.pageSize),
  }
}

function ldapTargetDraft(c: LdapTargetConfig): LdapTargetDraft {
  return {
    ...connectionDraft(c),
    usersDn: c.usersDn,
    suspendedDn: c.suspendedDn,
    groupsDn: c.groupsDn,
    departmentsAs: c.departmentsAs,
  }
}

function scimDraft(c: ScimConfig): ScimDraft {
  return {
    baseUrl: c.baseUrl,
    verifyCertificate: c.verifyCertificate,
    provisionGroups: c.provisionGroups,
    timeoutSeconds: String(c.timeoutSeconds),
  }
}

const blankCsv: CsvDraft = { ...csvDraft(csvDefaults), usersFile: '', departmentsFile: '' }
const blankLdapSource: LdapSourceDraft = {
  ...ldapSourceDraft(ldapSourceDefaults),
  url: '',
  bindDn: '',
  baseDn: '',
}
const blankLdapTarget: LdapTargetDraft = {
  ...ldapTargetDraft(ldapTargetDefaults),
  url: '',
  bindDn: '',
  usersDn: '',
  suspendedDn: '',
}
const blankScim: ScimDraft = { ...scimDraft(scimDefaults), baseUrl: '' }

/** The saved configuration as the form shows it; the kinds not in use start from the schema's defaults. */
export function configToDraft(config: DirectoryConfig): DirectoryDraft {
  const { source, target } = config
  return {
    scheduleEnabled: config.scheduleEnabled,
    at: config.at,
    licenceCount: config.licenceCount === null ? '' : String(config.licenceCount),
    maxCount: String(config.deletionGuard.maxCount),
    maxPercent: String(config.deletionGuard.maxPercent),
    graceDays: String(config.graceDays),
    sourceKind: source.kind,
    csv: source.kind === 'csv' ? csvDraft(source) : blankCsv,
    sourceLdap: source.kind === 'ldap' ? ldapSourceDraft(source) : blankLdapSource,
    targetKind: target.kind,
    targetLdap: target.kind === 'ldap' ? ldapTargetDraft(target) : blankLdapTarget,
    scim: target.kind === 'scim' ? scimDraft(target) : blankScim,
    ownership: {
      adoptBy: config.adoptBy,
      excludeLogins: config.exclusions.logins.join('\n'),
      excludeBranches: config.exclusions.branches.join('\n'),
      excludeGroups: config.exclusions.groups.join('\n'),
    },
  }
}
