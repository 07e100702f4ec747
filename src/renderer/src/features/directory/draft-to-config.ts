/**
 * The form's strings as a DirectoryConfig, checked field by field so each problem is shown next to
 * its field in both languages (the core's own check stays the last word). No API here: tests import it.
 */
import { normaliseDailyTime } from '../../../../shared/model/daily-time'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import type { MessageKey, Params } from '../../i18n'
import type {
  CsvDraft,
  DirectoryDraft,
  LdapConnectionDraft,
  LdapSourceDraft,
  LdapTargetDraft,
  OwnershipDraft,
  ScimDraft,
} from './config-draft'

export interface FieldError {
  readonly key: MessageKey
  readonly params?: Params
}

/** By field path (`csv.usersFile`, `deletionGuard`...), in the order the fields appear on the screen. */
export type DraftErrors = ReadonlyMap<string, FieldError>

export type DraftResult = { readonly config: DirectoryConfig } | { readonly errors: DraftErrors }

const ldapUrl = /^ldaps?:\/\/[^\s/]+\/?$/i
const httpUrl = /^https?:\/\/\S+$/i

function count(n: number): string {
  return n.toLocaleString('en-US')
}

interface TextRule {
  readonly required?: boolean
  readonly max?: number
  readonly pattern?: RegExp
  readonly patternKey?: MessageKey
}

/** Collects the first problem of each field while converting. */
class Checker {
  readonly errors = new Map<string, FieldError>()

  fail(path: string, key: MessageKey, params?: Params): void {
    if (!this.errors.has(path)) this.errors.set(path, params ? { key, params } : { key })
  }

  text(path: string, value: string, rule: TextRule = {}): string {
    const v = value.trim()
    const max = rule.max ?? 1000
    if (rule.required && v === '') this.fail(path, 'directory.error.required')
    else if (v.length > max) this.fail(path, 'directory.error.tooLong', { max: count(max) })
    else if (rule.pattern && v !== '' && !rule.pattern.test(v))
      this.fail(path, rule.patternKey ?? 'directory.error.format')
    return v
  }

  int(path: string, value: string, min: number, max: number): number {
    const v = value.trim()
    const n = Number(v)
    if (!/^\d+$/.test(v) || n < min || n > max)
      this.fail(path, 'directory.error.integer', { min: count(min), max: count(max) })
    return n
  }

  decimal(path: string, value: string, min: number, max: number): number {
    const v = value.trim()
    const n = Number(v)
    if (!/^\d+(\.\d+)?$/.test(v) || n < min || n > max)
      this.fail(path, 'directory.error.number', { min: count(min), max: count(max) })
    return n
  }
}

/** Record of strings, each field trimmed and checked; `required` lists the ones that may not be empty. */
function mapping<K extends string>(
  c: Checker,
  path: string,
  values: Readonly<Record<K, string>>,
  required: readonly NoInfer<K>[],
  max: number,
): Record<K, string> {
  const out = {} as Record<K, string>
  for (const key of Object.keys(values) as K[]) {
    out[key] = c.text(`${path}.${key}`, values[key], { required: required.includes(key), max })
  }
  return out
}

function csvSource(c: Checker, d: CsvDraft): DirectoryConfig['source'] {
  const inactiveValues = d.inactiveValues
    .split(/[,、]/)
    .map((v) => v.trim())
    .filter((v) => v !== '')
  if (inactiveValues.length > 20 || inactiveValues.some((v) => v.length > 50))
    c.fail('csv.inactiveValues', 'directory.error.inactiveValues')
  const listSeparator = d.listSeparator.trim() === '' ? d.listSeparator : d.listSeparator.trim()
  if (listSeparator.length < 1 || listSeparator.length > 3)
    c.fail('csv.listSeparator', 'directory.error.separator')
  return {
    kind: 'csv',
    preset: d.preset,
    usersFile: c.text('csv.usersFile', d.usersFile, { required: true }),
    departmentsFile: c.text('csv.departmentsFile', d.departmentsFile, { required: true }),
    encoding: d.encoding,
    listSeparator,
    inactiveValues,
    users: mapping(c, 'csv.users', d.users, ['key', 'login', 'nameJa'], 200),
    departments: mapping(c, 'csv.departments', d.departments, ['code', 'nameJa'], 200),
  }
}

function connection(c: Checker, path: string, d: LdapConnectionDraft) {
  if (d.security === 'plain' && !d.allowPlain) c.fail(`${path}.allowPlain`, 'directory.error.plain')
  return {
    url: c.text(`${path}.url`, d.url, {
      required: true,
      pattern: ldapUrl,
      patternKey: 'directory.error.ldapUrl',
    }),
    security: d.security,
    allowPlain: d.allowPlain,
    verifyCertificate: d.verifyCertificate,
    bindDn: c.text(`${path}.bindDn`, d.bindDn, { required: true }),
    timeoutSeconds: c.int(`${path}.timeoutSeconds`, d.timeoutSeconds, 1, 300),
  }
}

function ldapSource(c: Checker, d: LdapSourceDraft): DirectoryConfig['source'] {
  const path = 'sourceLdap'
  return {
    kind: 'ldap',
    preset: d.preset,
    ...connection(c, path, d),
    baseDn: c.text(`${path}.baseDn`, d.baseDn, { required: true }),
    userFilter: c.text(`${path}.userFilter`, d.userFilter, { required: true, max: 2000 }),
    groupBaseDn: c.text(`${path}.groupBaseDn`, d.groupBaseDn),
    groupFilter: c.text(`${path}.groupFilter`, d.groupFilter, { required: true, max: 2000 }),
    attributes: mapping(
      c,
      `${path}.attributes`,
      d.attributes,
      ['key', 'login', 'nameJa', 'groupName', 'groupMember'],
      100,
    ),
    departmentsFrom: d.departmentsFrom,
    nestedGroups: d.nestedGroups,
    inactive: inactiveRule(c, `${path}.inactive`, d.inactive),
    pageSize: c.int(`${path}.pageSize`, d.pageSize, 10, 5000),
  }
}

/** The attribute that marks people inactive: needs a value, and a bit mask must be a whole number. */
function inactiveRule(c: Checker, path: string, d: LdapSourceDraft['inactive']) {
  const attribute = c.text(`${path}.attribute`, d.attribute, { max: 100 })
  const value = c.text(`${path}.value`, d.value, { required: attribute !== '', max: 100 })
  if (d.match === 'bits' && value !== '' && !/^[1-9]\d{0,9}$/.test(value))
    c.fail(`${path}.value`, 'directory.error.bitMask')
  return { attribute, match: d.match, value }
}

function ldapTarget(c: Checker, d: LdapTargetDraft): DirectoryConfig['target'] {
  const path = 'targetLdap'
  return {
    kind: 'ldap',
    ...connection(c, path, d),
    usersDn: c.text(`${path}.usersDn`, d.usersDn, { required: true }),
    suspendedDn: c.text(`${path}.suspendedDn`, d.suspendedDn, { required: true }),
    groupsDn: c.text(`${path}.groupsDn`, d.groupsDn),
    departmentsAs: d.departmentsAs,
  }
}

function scimTarget(c: Checker, d: ScimDraft): DirectoryConfig['target'] {
  return {
    kind: 'scim',
    baseUrl: c.text('scim.baseUrl', d.baseUrl, {
      required: true,
      pattern: httpUrl,
      patternKey: 'directory.error.httpUrl',
    }),
    verifyCertificate: d.verifyCertificate,
    provisionGroups: d.provisionGroups,
    timeoutSeconds: c.int('scim.timeoutSeconds', d.timeoutSeconds, 1, 300),
  }
}

/** One entry per non-empty line, trimmed. */
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

function ownership(c: Checker, d: OwnershipDraft): Pick<DirectoryConfig, 'adoptBy' | 'exclusions'> {
  if (d.adoptBy.length === 0) c.fail('adoptBy', 'directory.error.adoptBy')
  return {
    adoptBy: [...d.adoptBy],
    exclusions: {
      logins: lines(d.excludeLogins),
      branches: lines(d.excludeBranches),
      groups: lines(d.excludeGroups),
    },
  }
}

/** Converts the whole form; fields of the kinds not selected are ignored. */
export function draftToConfig(d: DirectoryDraft): DraftResult {
  const c = new Checker()
  const source: DirectoryConfig['source'] =
    d.sourceKind === 'csv'
      ? csvSource(c, d.csv)
      : d.sourceKind === 'ldap'
        ? ldapSource(c, d.sourceLdap)
        : { kind: 'none' }
  const target: DirectoryConfig['target'] =
    d.targetKind === 'ldap'
      ? ldapTarget(c, d.targetLdap)
      : d.targetKind === 'scim'
        ? scimTarget(c, d.scim)
        : { kind: 'none' }
  const typedAt = c.text('at', d.at, { required: true })
  // 「7:30」 is saved as 07:30; only what is not a time of day at all is refused.
  const at = normaliseDailyTime(typedAt) ?? typedAt
  if (typedAt !== '' && normaliseDailyTime(typedAt) === null) c.fail('at', 'directory.error.time')
  const licence = d.licenceCount.trim()
  const config: DirectoryConfig = {
    scheduleEnabled: d.scheduleEnabled,
    at,
    source,
    target,
    licenceCount: licence === '' ? null : c.int('licenceCount', licence, 0, 10_000_000),
    deletionGuard: {
      maxCount: c.int('maxCount', d.maxCount, 0, 10_000_000),
      maxPercent: c.decimal('maxPercent', d.maxPercent, 0, 100),
    },
    graceDays: c.int('graceDays', d.graceDays, 0, 3650),
    ...ownership(c, d.ownership),
  }
  return c.errors.size > 0 ? { errors: c.errors } : { config }
}

/** Whether saving would change anything (secrets aside); a form that does not convert counts as changed. */
export function draftChanged(draft: DirectoryDraft, saved: DirectoryConfig): boolean {
  const result = draftToConfig(draft)
  return !('config' in result) || canonical(result.config) !== canonical(saved)
}

/** JSON with object keys sorted, so two equal configs compare equal whatever order the core stored them in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** The initial password is typed twice; both empty means "leave it as it is". */
export function checkPasswordPair(first: string, second: string): MessageKey | null {
  return first === second ? null : 'directory.error.passwordMismatch'
}
