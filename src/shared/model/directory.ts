import type { Localized } from './localized'

/**
 * The home directory: the people and organisation every engine works from (seed 002's 社員・部署・役職・グループ).
 * Keys are the source's stable identifiers (employee number or login, department code, ...), never names.
 */
export interface DirectoryEmployee {
  /** Stable key: employee number or login. Targets store it as externalId / employeeNumber. */
  readonly key: string
  /** Sign-in name in targets (SCIM userName, LDAP uid). */
  readonly login: string
  /** Display name in Japanese, family name first ("山田 太郎"). */
  readonly nameJa: string
  readonly nameEn: string | null
  /** Reading (kana), when the source has one. */
  readonly kana: string | null
  readonly email: string | null
  /** Department code of the main department (seed 002: permissions apply to the main department). */
  readonly mainDepartment: string | null
  readonly otherDepartments: readonly string[]
  /** Position codes, highest rank first. */
  readonly positions: readonly string[]
  /** Group codes. */
  readonly groups: readonly string[]
  readonly active: boolean
}

export interface DirectoryDepartment {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
  /** Parent department code; null for a top-level department. */
  readonly parent: string | null
  /** Display order among siblings (ascending). */
  readonly order: number
}

export interface DirectoryPosition {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
  /** Lower is more senior (1 = 社長). */
  readonly rank: number
}

export interface DirectoryGroup {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
}

/** One complete import. Replaced atomically: readers never see half of one import and half of another. */
export interface DirectorySnapshot {
  readonly employees: readonly DirectoryEmployee[]
  readonly departments: readonly DirectoryDepartment[]
  readonly positions: readonly DirectoryPosition[]
  readonly groups: readonly DirectoryGroup[]
}

export const directoryObjectKinds = ['employee', 'department', 'position', 'group'] as const
export type DirectoryObjectKind = (typeof directoryObjectKinds)[number]

export interface FieldChange {
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

export const homeChangeActions = ['created', 'updated', 'suspended', 'reactivated', 'deleted'] as const
export type HomeChangeAction = (typeof homeChangeActions)[number]

/** What changed in the home directory between two imports; each one is written to the sync history. */
export interface HomeChange {
  readonly kind: DirectoryObjectKind
  readonly key: string
  readonly name: string
  readonly action: HomeChangeAction
  /** Empty for created/deleted. */
  readonly fields: readonly FieldChange[]
  /** Why, when the source does not say it: a leaver suspended or deleted by the grace period. */
  readonly reason?: Localized | null
}

/** `adopt`: an existing account Renkei does not own becomes its own (only with the admin's approval). */
export const planActions = ['create', 'adopt', 'update', 'suspend', 'reactivate', 'delete'] as const
export type PlanAction = (typeof planActions)[number]
export type PlanObject = 'user' | 'group'

/** One write the target needs so that it matches the source. */
export interface PlanItem {
  readonly object: PlanObject
  readonly key: string
  readonly name: string
  readonly action: PlanAction
  readonly fields: readonly FieldChange[]
  /** Why, when it is not obvious (e.g. "missing from the source since 2026-10-01; deleted after 30 days"). */
  readonly reason: Localized | null
}

export type PlanCounts = Readonly<Record<PlanObject, Readonly<Record<PlanAction, number>>>>

export interface LicenceCheck {
  /** Seats the target has; null when neither the settings nor the target give a number. */
  readonly limit: number | null
  /** Active users in the source: what the target would hold after the run. */
  readonly activeSourceUsers: number
  /** Users this run would create or reactivate. */
  readonly newUsers: number
  /** Seats free on the target before the run; null without a limit. */
  readonly seatsFree: number | null
  /** By how many the source is over the limit (0 when within). */
  readonly over: number
}

export interface DeletionCheck {
  /** Users this run would suspend or delete. */
  readonly removals: number
  /** Users the comparison is taken against (target's managed users, or the home directory). */
  readonly base: number
  readonly maxCount: number
  readonly maxPercent: number
  readonly tripped: boolean
  readonly approved: boolean
}

/**
 * A target account or group Renkei will not write to in this run: foreign (not Renkei's), excluded (a rule
 * says never touch it), or held (a source person who can be neither created nor adopted, and why).
 */
export interface TargetAccountSummary {
  readonly object: PlanObject
  /** The target's handle for it (SCIM id, LDAP DN); for a held person, the account in the way. */
  readonly ref: string
  /** Login (users) or display name (groups). */
  readonly name: string
  readonly displayName: string
  readonly email: string | null
  /** The key the account carries (externalId / employeeNumber), or the held person's key. */
  readonly key: string | null
  /** Which rule excluded it, or why a person is held; null for a plain foreign account. */
  readonly reason: Localized | null
}

export interface AdoptionCheck {
  /** Existing accounts and groups this run would adopt (the `adopt` items). */
  readonly candidates: number
  /** The admin approved adopting them in this run. */
  readonly approved: boolean
}

/** Change fields whose values are department codes: home employees and departments, and target users. */
export const departmentCodeFields: ReadonlySet<string> = new Set([
  'mainDepartment',
  'otherDepartments',
  'parent',
  'departmentCode',
])

/** A department's names, so a code in a change reads as 「営業1課 (D110)」. */
export interface DepartmentName {
  readonly nameJa: string
  readonly nameEn: string | null
}

/** A computed run: what the source holds, what changes at home and in the target, and whether guards stop it. */
export interface DirectoryPlan {
  readonly computedAt: number
  /**
   * Names this plan's writes (home directory and target, field by field). `directory.run` takes it back
   * and refuses when the plan it computes differs: nothing is written that the admin has not seen.
   */
  readonly fingerprint: string
  readonly source: {
    readonly employees: number
    readonly departments: number
    readonly positions: number
    readonly groups: number
  }
  readonly homeChanges: readonly HomeChange[]
  readonly homeChangesTotal: number
  readonly hasTarget: boolean
  readonly items: readonly PlanItem[]
  /** Items in the whole plan; `items` may be cut short for the UI. */
  readonly itemsTotal: number
  readonly counts: PlanCounts
  readonly licence: LicenceCheck
  readonly deletion: DeletionCheck
  readonly adoption: AdoptionCheck
  /** Accounts and groups that are not Renkei's: listed, never modified, suspended or deleted. */
  readonly foreign: readonly TargetAccountSummary[]
  readonly foreignTotal: number
  /** Accounts an exclusion rule protects, even Renkei's own. */
  readonly excluded: readonly TargetAccountSummary[]
  readonly excludedTotal: number
  /** Source people neither created nor adopted (their account would collide with one Renkei does not own). */
  readonly held: readonly TargetAccountSummary[]
  readonly heldTotal: number
  /** Why the run would not write, or null when it may. */
  readonly blocked: Localized | null
  /** What the source reader wants the admin to know (a suspicious share of inactive people, keys normalised...). */
  readonly sourceNotices: readonly SourceNotice[]
  /** Names of the department codes the listed changes mention (before and after), by code. */
  readonly departmentNames: Readonly<Record<string, DepartmentName>>
}

/** A remark about the source that does not stop the run; a warning is shown loudly. */
export interface SourceNotice {
  readonly level: 'info' | 'warning'
  readonly message: Localized
}

/** One problem in the source data: where (file name or DN, and line) and what to do about it. */
export interface SourceProblemView {
  readonly where: string | null
  readonly line: number | null
  /** Starts with the place ("users.csv の 4 行目: " / "users.csv line 4: ") so it reads on its own. */
  readonly message: Localized
}

/** Every problem a source read found (the first 10,000; `omitted` counts the rest). */
export interface SourceProblemReport {
  readonly problems: readonly SourceProblemView[]
  readonly omitted: number
}

/** The problem report an 'import-failed' error carries in its detail, or null when it has none. */
export function sourceProblemReport(detail: unknown): SourceProblemReport | null {
  if (typeof detail !== 'object' || detail === null || !('sourceProblems' in detail)) return null
  const report = (detail as { sourceProblems: unknown }).sourceProblems
  if (
    typeof report !== 'object' ||
    report === null ||
    !Array.isArray((report as SourceProblemReport).problems)
  ) {
    return null
  }
  return report as SourceProblemReport
}

/** Outcome of an applied run, as shown on the Directory screen. */
export interface DirectoryRunSummary {
  readonly startedAt: number
  readonly finishedAt: number
  readonly outcome: 'ok' | 'warning' | 'error' | 'blocked'
  readonly message: Localized
  readonly applied: number
  readonly failed: number
}

export interface DirectoryStatus {
  /** A source is being read and applied: the site link waits 15 minutes while this is set (seed 002). */
  readonly importInProgress: boolean
  readonly lastRun: DirectoryRunSummary | null
  readonly counts: {
    readonly employees: number
    readonly activeEmployees: number
    readonly departments: number
    readonly positions: number
    readonly groups: number
  }
  readonly importedAt: number | null
}

/** A department of the home directory with how many people have it as main department. */
export interface DepartmentSummary extends DirectoryDepartment {
  readonly employeeCount: number
}

export type EmployeeSummary = Pick<
  DirectoryEmployee,
  'key' | 'login' | 'nameJa' | 'nameEn' | 'email' | 'mainDepartment' | 'positions' | 'active'
>

export interface EmployeePage {
  readonly employees: readonly EmployeeSummary[]
  /** Pass back as `after` for the next page; null on the last page. */
  readonly nextAfter: string | null
}

export const directoryPhases = ['reading', 'planning', 'applying'] as const

/** Pushed while a run works, so the UI can show progress. total is null while unknown. */
export interface DirectoryProgress {
  readonly phase: (typeof directoryPhases)[number]
  readonly done: number
  readonly total: number | null
}

/** Result of "test connection", in plain language. */
export interface ConnectionCheckResult {
  readonly ok: boolean
  readonly message: Localized
  /** Server's own words, for support. */
  readonly detail: string | null
}

/** The header row of a CSV export as found in its first lines, for the column mapping form. */
export interface CsvHeaders {
  readonly fileName: string
  readonly encoding: 'utf-8' | 'shift_jis'
  /** Line of the row taken as the header; null for an empty file. */
  readonly line: number | null
  readonly headers: readonly string[]
}
