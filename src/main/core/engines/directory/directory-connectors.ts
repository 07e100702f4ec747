/**
 * What the directory engine needs from a source and a target. Connectors (core/connectors/csv, ldap,
 * scim) implement these; the engine never speaks a protocol itself. Failures are thrown as
 * ConnectorError (connectors/connector-error.ts) or SourceInputError (bad data, with locations).
 */
import type { ConnectionCheckResult, DirectorySnapshot } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'

/** Where a record came from, so an error can point at it: a file and line, or an LDAP DN. */
export interface SourceLocation {
  /** File name (not the full path) or DN. */
  readonly where: string
  /** 1-based line in the file where the record starts; null for LDAP. */
  readonly line: number | null
}

/** A snapshot as read, with each record's location (index-aligned with the snapshot's arrays). */
export interface SourceRead {
  readonly snapshot: DirectorySnapshot
  readonly locations: {
    readonly employees: readonly SourceLocation[]
    readonly departments: readonly SourceLocation[]
  }
}

export interface SourceProblem {
  readonly location: SourceLocation | null
  readonly message: Localized
}

/** The source's data is wrong (unknown column, broken row, duplicate key, cycle...): nothing is applied. */
export class SourceInputError extends Error {
  constructor(readonly problems: readonly SourceProblem[]) {
    super(problems.map((p) => p.message.en).join('; '))
    this.name = 'SourceInputError'
  }
}

export interface ReadProgress {
  /** Records read so far (rows or entries). */
  readonly read: number
}

export interface DirectorySourceConnector {
  /** Reachable, credentials accepted, base/files exist: a plain-language answer, never a throw. */
  check(): Promise<ConnectionCheckResult>
  /** The whole source. Throws SourceInputError for bad data, ConnectorError for protocol failures. */
  read(signal: AbortSignal, onProgress?: (progress: ReadProgress) => void): Promise<SourceRead>
}

/** A user as targets hold it: the projection of a home-directory employee that targets can store. */
export interface TargetUser {
  /** The employee key: SCIM externalId, LDAP employeeNumber. */
  readonly key: string
  readonly login: string
  readonly displayName: string
  readonly familyName: string
  readonly givenName: string
  readonly email: string | null
  /** Main department's code and display name. */
  readonly departmentCode: string | null
  readonly department: string | null
  /** Name of the highest-ranked position. */
  readonly title: string | null
  readonly active: boolean
}

export const targetUserFields = [
  'login',
  'displayName',
  'familyName',
  'givenName',
  'email',
  'departmentCode',
  'department',
  'title',
  'active',
] as const satisfies readonly (keyof TargetUser)[]

export interface TargetGroup {
  /** The home group code: SCIM externalId, LDAP cn. */
  readonly key: string
  readonly displayName: string
  /** Keys of the (active) users in the group. */
  readonly memberKeys: readonly string[]
}

/** `ref` is the target's own handle: the SCIM id or the LDAP DN. */
export type TargetUserEntry = TargetUser & { readonly ref: string }
export type TargetGroupEntry = TargetGroup & { readonly ref: string }

export interface TargetState {
  /** Users Renkei manages: the ones carrying a key (hand-made accounts without one are left alone). */
  readonly users: readonly TargetUserEntry[]
  readonly groups: readonly TargetGroupEntry[]
  /** Seats, when the target reports them. */
  readonly licenceLimit: number | null
}

/**
 * Every write is idempotent from the engine's point of view: the engine re-reads the target before each
 * run and plans against what is really there, so a run killed half way is finished by the next one.
 */
export interface DirectoryTargetConnector {
  /** Writes the applier may have in flight at once (default 1: one at a time). */
  readonly writeConcurrency?: number
  check(): Promise<ConnectionCheckResult>
  read(signal: AbortSignal): Promise<TargetState>
  /** initialPassword is set only here, never on update. Returns the new ref. */
  createUser(user: TargetUser, initialPassword: string | null): Promise<string>
  /**
   * Optional: several new users in one request where the protocol allows (SCIM Bulk), up to
   * createBatchSize() of them. One result per user, in order: the new ref, or the error for that user.
   */
  createUsers?(users: readonly TargetUser[], initialPassword: string | null): Promise<(string | Error)[]>
  /** How many users createUsers takes at once on this server; 1: create them one by one. */
  createBatchSize?(): Promise<number>
  /** Writes `user` (only `changed` fields differ). Returns the ref, which may change (LDAP rename/move). */
  updateUser(ref: string, user: TargetUser, changed: readonly (keyof TargetUser)[]): Promise<string>
  /** Suspend (active false) or reactivate. Returns the ref, which may change (LDAP moves the entry). */
  setActive(ref: string, user: TargetUser, active: boolean): Promise<string>
  deleteUser(ref: string): Promise<void>
  /** memberRefs are the refs of the group's users as they are now. Returns the new ref. */
  createGroup(group: TargetGroup, memberRefs: readonly string[]): Promise<string>
  updateGroup(ref: string, group: TargetGroup, memberRefs: readonly string[]): Promise<void>
  deleteGroup(ref: string): Promise<void>
  close(): Promise<void>
}
