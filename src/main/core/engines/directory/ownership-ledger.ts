import type { Db } from '../../store/database'

export type OwnedObject = 'user' | 'group'

/** One target object directory sync owns (or is about to create). */
export interface OwnershipRecord {
  readonly object: OwnedObject
  /** Employee key or group code. */
  readonly key: string
  /** SCIM id / LDAP entryUUID; null while the create is pending. */
  readonly handle: string | null
  /** Last known ref (the LDAP DN), a hint for people reading the table. */
  readonly ref: string | null
  /** The login a pending create used, so the object it made is recognised by it too. */
  readonly login: string | null
  readonly origin: 'created' | 'adopted'
  readonly state: 'pending' | 'owned'
  readonly at: number
}

type Row = [string, string, string | null, string | null, string | null, string, string, number]

/**
 * The ownership ledger of one target (`scope`: kind + URL + users branch): Renkei updates, suspends and
 * deletes only what is recorded here. Every call is one committed statement, so a kill -9 between the
 * intent, the request and the confirmation leaves a state the next run can finish.
 */
export class OwnershipLedger {
  constructor(
    private readonly db: Db,
    readonly scope: string,
  ) {}

  /**
   * Row by row, never all at once (100,000 rows are ~50 MB held whole); each pass reads afresh.
   * Nothing else may use the connection while a pass is open (better-sqlite3 refuses it).
   */
  records(): Iterable<OwnershipRecord> {
    const statement = this.db
      .prepare(
        'SELECT object, key, handle, ref, login, origin, state, at FROM directory_ownership WHERE scope = ?',
      )
      .raw()
    const scope = this.scope
    return {
      *[Symbol.iterator]() {
        for (const [object, key, handle, ref, login, origin, state, at] of statement.iterate(
          scope,
        ) as Iterable<Row>)
          yield {
            object: object as OwnedObject,
            key,
            handle,
            ref,
            login,
            origin: origin as OwnershipRecord['origin'],
            state: state as OwnershipRecord['state'],
            at,
          }
      },
    }
  }

  /** Written before the create request: whatever the request leaves behind is ours. */
  intendCreate(object: OwnedObject, key: string, login: string | null, at: number): void {
    this.upsert({ object, key, handle: null, ref: null, login, origin: 'created', state: 'pending', at })
  }

  /** The create (or the adoption the admin approved) is done: the object is ours under `handle`. */
  own(
    object: OwnedObject,
    key: string,
    handle: string,
    ref: string,
    origin: 'created' | 'adopted',
    at: number,
  ) {
    this.db
      .prepare('DELETE FROM directory_ownership WHERE scope = ? AND object = ? AND handle = ? AND key <> ?')
      .run(this.scope, object, handle, key)
    this.upsert({ object, key, handle, ref, login: null, origin, state: 'owned', at })
  }

  /** The server refused the create: nothing was made, so there is nothing to recognise later. */
  dropPending(object: OwnedObject, key: string): void {
    this.db
      .prepare(
        `DELETE FROM directory_ownership WHERE scope = ? AND object = ? AND key = ? AND state = 'pending'`,
      )
      .run(this.scope, object, key)
  }

  /**
   * After a complete run: intents older than the run that matched nothing were never carried out (the
   * request did not arrive). Dropped, so a later account with that key or login is not mistaken for ours.
   */
  dropStalePending(before: number): void {
    this.db
      .prepare(`DELETE FROM directory_ownership WHERE scope = ? AND state = 'pending' AND at < ?`)
      .run(this.scope, before)
  }

  /** The object was deleted by Renkei. */
  release(object: OwnedObject, key: string): void {
    this.db
      .prepare('DELETE FROM directory_ownership WHERE scope = ? AND object = ? AND key = ?')
      .run(this.scope, object, key)
  }

  private upsert(record: OwnershipRecord): void {
    this.db
      .prepare(
        `INSERT INTO directory_ownership (scope, object, key, handle, ref, login, origin, state, at)
         VALUES (@scope, @object, @key, @handle, @ref, @login, @origin, @state, @at)
         ON CONFLICT (scope, object, key) DO UPDATE SET handle = excluded.handle, ref = excluded.ref,
           login = excluded.login, origin = CASE WHEN directory_ownership.state = 'owned'
             THEN directory_ownership.origin ELSE excluded.origin END,
           at = CASE WHEN directory_ownership.state = 'owned' THEN directory_ownership.at ELSE excluded.at END,
           state = excluded.state`,
      )
      .run({ scope: this.scope, ...record })
  }
}
