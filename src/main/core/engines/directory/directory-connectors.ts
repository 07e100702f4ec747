/**
 * What the directory engine needs from a source and a target. Connectors (core/connectors/csv, ldap,
 * scim) implement these; the engine never speaks a protocol itself. Failures are thrown as
 * ConnectorError (connectors/connector-error.ts) or SourceInputError (bad data, with locations).
 */
import type {
  ConnectionCheckResult,
  DirectorySnapshot,
  SourceNotice,
} from '../../../../shared/model/directory'
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
  /** Remarks for the preview (keys normalised, optional columns missing, few active people...). */
  readonly notes?: readonly SourceNotice[]
}

export interface SourceProblem {
  readonly location: SourceLocation | null
  readonly message: Localized
}

/**
 * The source's data is wrong (unknown column, broken row, duplicate key, cycle...): nothing is applied.
 * `readSoFar` holds the records that could be read when every file was read to its end, so the
 * cross-record rules can be checked in the same pass and the admin sees every problem at once.
 */
export class SourceInputError extends Error {
  constructor(
    readonly problems: readonly SourceProblem[],
    /** Problems found beyond those kept in `problems`. */
    readonly omitted = 0,
    readonly readSoFar?: SourceRead,
  ) {
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

/** `ref` is what writes address: the SCIM id or the LDAP DN (which changes on a rename or move). */
export type TargetUserEntry = TargetUser & { readonly ref: string }

/** An account as the target holds it, whoever made it: what ownership, adoption and exclusion rules need. */
export interface TargetAccount extends Omit<TargetUser, 'key'> {
  /** SCIM externalId / LDAP employeeNumber, when the account carries one. */
  readonly key: string | null
  readonly ref: string
  /** Survives renames and moves: SCIM id, LDAP entryUUID (objectGUID, nsUniqueId; the DN as a last resort). */
  readonly handle: string
  /** LDAP: the DN in normal form (for branch exclusions); null for SCIM. */
  readonly dn: string | null
  /** The watched groups (exclusion rules) the account is a member of, as named in the rules. */
  readonly groups: readonly string[]
}

/** A group as the target holds it, whoever made it. */
export interface TargetGroupAccount {
  /** SCIM externalId / LDAP cn; null when the group has none. */
  readonly key: string | null
  readonly displayName: string
  readonly ref: string
  readonly handle: string
  /** Refs of the member accounts. */
  readonly memberRefs: readonly string[]
}

export interface TargetState {
  /** Every account in scope (SCIM: all Users; LDAP: every inetOrgPerson under the users and suspended branches). */
  readonly users: readonly TargetAccount[]
  readonly groups: readonly TargetGroupAccount[]
  /** Seats, when the target reports them. */
  readonly licenceLimit: number | null
}

export interface TargetReadOptions {
  /** Groups the exclusion rules name (SCIM display names, LDAP DNs): each account says which it is in. */
  readonly watchGroups: readonly string[]
}

/**
 * Every write is idempotent from the engine's point of view: the engine re-reads the target before each
 * run and plans against what is really there, so a run killed half way is finished by the next one.
 */
export interface DirectoryTargetConnector {
  /** Writes the applier may have in flight at once (default 1: one at a time). */
  readonly writeConcurrency?: number
  check(): Promise<ConnectionCheckResult>
  read(signal: AbortSignal, options?: TargetReadOptions): Promise<TargetState>
  /**
   * initialPassword is set only here, never on update. Returns the new ref. Never takes over an existing
   * account: a collision (409, entryAlreadyExists) is a permanent error naming the account that holds it.
   */
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
  /** The stable handle (as read() reports it) of the object at `ref`, for the ownership record. */
  handleOf(ref: string): Promise<string>
  /** memberRefs are the refs of the group's users as they are now. Returns the new ref. */
  createGroup(group: TargetGroup, memberRefs: readonly string[]): Promise<string>
  updateGroup(ref: string, group: TargetGroup, memberRefs: readonly string[]): Promise<void>
  deleteGroup(ref: string): Promise<void>
  close(): Promise<void>
}
