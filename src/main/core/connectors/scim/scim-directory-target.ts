/**
 * Directory sync target over SCIM 2.0 (RFC 7643/7644): the chat or groupware service holds the users and
 * groups; Renkei marks its own with externalId = employee key and leaves every other account alone.
 */
import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { ScimTargetConfig } from '../../../../shared/model/directory-config'
import type {
  DirectoryTargetConnector,
  TargetGroup,
  TargetAccount,
  TargetGroupAccount,
  TargetState,
  TargetUser,
  TargetReadOptions,
} from '../../engines/directory/directory-connectors'
import { ConnectorError } from '../connector-error'
import { ScimHttpClient, scimDetail, type ScimRetryOptions } from './scim-http-client'
import { bulkChunks, bulkLimits, bulkRequest, bulkResults, type BulkLimits } from './scim-bulk'
import { StringPool } from '../string-pool'
import { parseListPage, readWholeCollection, type ScimResource } from './scim-listing'
import { scimMessages } from './scim-messages'
import {
  fromScimGroup,
  fromScimUser,
  groupPatchOperations,
  patchMessage,
  toScimGroup,
  toScimUser,
  userPatchOperations,
  type PatchOperation,
  type ScimGroupJson,
  type ScimUserJson,
} from './scim-resource-mapper'

/** Test seams: an injected sleep (no real waiting in tests) and the retry budget. */
export type ScimTargetOptions = ScimRetryOptions

/**
 * Writes in flight at once: enough to hide the round trip (a first run of 100,000 people), few enough for
 * services that rate-limit per client; a 429 pauses them all (scim-http-client.ts).
 */
const writeConcurrency = 8

/** Asked per page: the maxResults many services (and SCIMMY) advertise; smaller pages are followed just the same. */
const pageSize = 200

const idOf = (body: unknown): string | null => {
  const id = (body as { id?: unknown } | null)?.id
  return typeof id === 'string' && id !== '' ? id : null
}

/** The externalId and lower-cased userName of every listed account (SCIM logins are case-insensitive). */
interface ListedUsers {
  readonly keys: ReadonlySet<string>
  readonly logins: ReadonlySet<string>
}

/**
 * Left out of listings (RFC 7644 §3.4.2.5): what the planner never reads and servers often send at length
 * (`groups` alone can hold every group a person is in). A server that ignores it sends them anyway, which
 * costs only bytes; one that refuses it (400) is asked again as before, for the rest of the run. Not
 * `attributes=`: SCIMMY answers 400 to any enterprise-extension attribute named there, and the planner
 * needs `department` and `division` from it.
 */
const notRead: Record<string, string> = {
  '/Users': 'meta,groups,photos,addresses,phoneNumbers,ims,entitlements,roles,x509Certificates',
  '/Groups': 'meta',
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))

/** SCIM filter value: a JSON string literal, so quotes and backslashes in a login cannot break the filter. */
const filterPath = (collection: string, attribute: string, value: string): string =>
  `${collection}?filter=${encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`)}`

/**
 * One instance per run; its connections are pooled by the network layer. It never takes over an
 * account it was not told to: a create that collides is an error naming the account in the way.
 */
export class ScimDirectoryTarget implements DirectoryTargetConnector {
  readonly writeConcurrency = writeConcurrency
  private readonly http: ScimHttpClient
  /** Set by read(): which accounts exist, so Bulk is only asked to create accounts that are absent. */
  private listedUsers: readonly TargetAccount[] | null = null
  /** Built from listedUsers only when a run has users to create (a preview never needs it). */
  private listedIndex: ListedUsers | null = null
  /** The server answered 400 to a listing with excludedAttributes: listings go without it. */
  private plainListings = false
  private bulk: Promise<BulkLimits | null> | undefined

  constructor(
    private readonly config: ScimTargetConfig,
    token: string,
    options: ScimTargetOptions = {},
  ) {
    this.http = new ScimHttpClient(config, token, options)
  }

  /** One attempt per request so the admin gets an answer at once; never throws. */
  async check(): Promise<ConnectionCheckResult> {
    const url = this.config.baseUrl
    const steps: string[] = []
    try {
      const spc = await this.http.send('GET', '/ServiceProviderConfig', { maxRetries: 0, accept: [404] })
      steps.push(`GET /ServiceProviderConfig → ${spc.status}`)
      const patch = (spc.body as { patch?: { supported?: unknown } } | null)?.patch
      if (spc.status === 200 && patch?.supported === false) {
        return { ok: false, message: scimMessages.noPatch(url), detail: spc.answer }
      }
      const users = await this.http.send('GET', '/Users?startIndex=1&count=1', { maxRetries: 0 })
      steps.push(`GET /Users → ${users.status}`)
      const total = parseListPage(users.body)?.totalResults ?? null
      return { ok: true, message: scimMessages.checkOk(url, total), detail: steps.join('; ') }
    } catch (error) {
      if (error instanceof ConnectorError)
        return { ok: false, message: error.localized, detail: error.serverAnswer }
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, message: scimMessages.unreachable(url, reason), detail: null }
    }
  }

  /** Every User (keyed or not) and, when groups are provisioned, every Group: ownership decides what is Renkei's. */
  async read(signal: AbortSignal, options?: TargetReadOptions): Promise<TargetState> {
    let users: TargetAccount[] = []
    const pool = new StringPool()
    await this.listAll('/Users', signal, (json: ScimUserJson & ScimResource) => {
      const user = fromScimUser(json, pool)
      if (user) users.push(user)
    })
    this.listedUsers = users
    this.listedIndex = null
    const watched = await this.watchedMembers(options?.watchGroups ?? [])
    if (watched.size > 0) users = users.map((u) => ({ ...u, groups: watched.get(u.ref) ?? [] }))
    if (!this.config.provisionGroups) return { users, groups: [], licenceLimit: null }
    const groups: TargetGroupAccount[] = []
    await this.listAll('/Groups', signal, (json: ScimGroupJson & ScimResource) => {
      const group = fromScimGroup(json)
      if (group) groups.push(group)
    })
    return { users, groups, licenceLimit: null }
  }

  /**
   * Creates, never adopts: a userName already taken (409) is a permanent error naming the account that holds
   * it. Adopting an existing account is a separate, approved step (the planner's "adopt").
   */
  async createUser(user: TargetUser, initialPassword: string | null): Promise<string> {
    const created = await this.http.send('POST', '/Users', {
      body: toScimUser(user, initialPassword),
      accept: [409],
    })
    if (created.status !== 409) return this.requireId(created.body, created.answer)
    const holder = await this.findOne('/Users', 'userName', user.login)
    throw this.userNameTaken(user, holder, created.body, created.answer)
  }

  /** SCIM Bulk's operations per request when the service offers Bulk; 1 otherwise. */
  async createBatchSize(): Promise<number> {
    return (await this.bulkLimits())?.maxOperations ?? 1
  }

  /**
   * A first run's new users in as few requests as the service allows: SCIM Bulk when its
   * ServiceProviderConfig offers it and the listing shows the account absent, else createUser each.
   */
  async createUsers(
    users: readonly TargetUser[],
    initialPassword: string | null,
  ): Promise<(string | Error)[]> {
    const limits = this.listedUsers ? await this.bulkLimits() : null
    const results: (string | Error)[] = []
    const one = async (user: TargetUser): Promise<string | Error> =>
      this.createUser(user, initialPassword).catch((error: unknown) => asError(error))
    const fresh = limits ? users.filter((u) => !this.listedAccount(u)) : []
    const bulk = new Map<TargetUser, string | Error>()
    for (const chunk of limits ? bulkChunks(fresh, (u) => toScimUser(u, initialPassword), limits) : [])
      await this.postBulk(chunk, initialPassword, bulk)
    for (const user of users) results.push(bulk.get(user) ?? (await one(user)))
    return results
  }

  async updateUser(ref: string, user: TargetUser, changed: readonly (keyof TargetUser)[]): Promise<string> {
    await this.patch('/Users', ref, userPatchOperations(user, changed), 'user')
    return ref
  }

  async setActive(ref: string, _user: TargetUser, active: boolean): Promise<string> {
    await this.patch('/Users', ref, [{ op: 'replace', path: 'active', value: active }], 'user')
    return ref
  }

  /** 404: already gone, which is what was asked. */
  async deleteUser(ref: string): Promise<void> {
    await this.http.send('DELETE', `/Users/${encodeURIComponent(ref)}`, { accept: [404] })
  }

  async createGroup(group: TargetGroup, memberRefs: readonly string[]): Promise<string> {
    const created = await this.http.send('POST', '/Groups', {
      body: toScimGroup(group, memberRefs),
      accept: [409],
    })
    if (created.status !== 409) return this.requireId(created.body, created.answer)
    const detail = scimDetail(created.body, '', 409)
    throw new ConnectorError('permanent', scimMessages.groupTaken(group.displayName, detail), created.answer)
  }

  async updateGroup(ref: string, group: TargetGroup, memberRefs: readonly string[]): Promise<void> {
    await this.patch('/Groups', ref, groupPatchOperations(group, memberRefs), 'group')
  }

  async deleteGroup(ref: string): Promise<void> {
    await this.http.send('DELETE', `/Groups/${encodeURIComponent(ref)}`, { accept: [404] })
  }

  async handleOf(ref: string): Promise<string> {
    return ref
  }

  /** The network layer owns the connection pool, which outlives a run: nothing to release. */
  async close(): Promise<void> {}

  /** The whole collection, page by page, or a ConnectorError: a run never plans from part of a listing. */
  private async listAll<T>(collection: string, signal: AbortSignal, take: (json: T) => void): Promise<void> {
    try {
      await readWholeCollection(
        {
          baseUrl: this.config.baseUrl,
          collection,
          pageSize,
          signal,
          fetchPage: (startIndex, count) => this.listingPage(collection, startIndex, count, signal),
        },
        (resource) => take(resource as T),
      )
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      const reason = scimMessages.listingFailed(collection, error.localized)
      throw new ConnectorError(error.kind, reason, error.serverAnswer, error.httpStatus)
    }
  }

  /**
   * One listing page, without what the planner never reads. A 400 to that is asked again exactly as a
   * listing was always asked (and so are the rest of the run's): every check of the listing applies the same.
   */
  private async listingPage(collection: string, startIndex: number, count: number, signal: AbortSignal) {
    const plain = `${collection}?startIndex=${startIndex}&count=${count}`
    const excluded = notRead[collection]
    if (this.plainListings || excluded === undefined) return this.http.send('GET', plain, { signal })
    const lean = `${plain}&excludedAttributes=${encodeURIComponent(excluded)}`
    const answer = await this.http.send('GET', lean, { signal, accept: [400] })
    if (answer.status !== 400) return answer
    this.plainListings = true
    return this.http.send('GET', plain, { signal })
  }

  /** Asked once per run, and only when there are users to create; no readable answer: no Bulk. */
  private async bulkLimits(): Promise<BulkLimits | null> {
    this.bulk ??= this.http
      .send('GET', '/ServiceProviderConfig', { accept: [404] })
      .then((spc) => (spc.status === 200 ? bulkLimits(spc.body) : null))
      // Without a readable answer there is no Bulk: the writes themselves say what is wrong, if anything.
      .catch(() => null)
    return this.bulk
  }

  /** One Bulk request; a user the service refuses with 409 is left for createUser, which names the account in the way. */
  private async postBulk(
    chunk: readonly TargetUser[],
    initialPassword: string | null,
    into: Map<TargetUser, string | Error>,
  ): Promise<void> {
    try {
      const body = bulkRequest(chunk.map((u) => toScimUser(u, initialPassword)))
      const answer = await this.http.send('POST', '/Bulk', { body })
      bulkResults(answer.body, chunk.length, answer.answer).forEach((result, i) => {
        if (result !== 'conflict') into.set(chunk[i]!, result)
      })
    } catch (error) {
      for (const user of chunk) into.set(user, asError(error))
    }
  }

  private listedAccount(user: TargetUser): boolean {
    const listed = this.listed()
    return !!listed && (listed.keys.has(user.key) || listed.logins.has(user.login.toLowerCase()))
  }

  private listed(): ListedUsers | null {
    const users = this.listedUsers
    if (!users) return null
    this.listedIndex ??= {
      keys: new Set(users.flatMap((u) => (u.key === null ? [] : [u.key]))),
      logins: new Set(users.map((u) => u.login.toLowerCase())),
    }
    return this.listedIndex
  }

  private async findOne(collection: string, attribute: string, value: string): Promise<ScimResource | null> {
    const { body, answer } = await this.http.send('GET', filterPath(collection, attribute, value))
    const page = parseListPage(body)
    if (!page) throw new ConnectorError('permanent', scimMessages.notScim(this.config.baseUrl), answer)
    return page.resources[0] ?? null
  }

  /** Members (SCIM ids) of each watched group, found by display name: user ref → the group names. */
  private async watchedMembers(names: readonly string[]): Promise<Map<string, string[]>> {
    const byRef = new Map<string, string[]>()
    for (const name of names) {
      const group = (await this.findOne('/Groups', 'displayName', name)) as ScimGroupJson | null
      // An exclusion that cannot be evaluated must stop the run, not silently exclude nobody.
      if (!group) throw new ConnectorError('permanent', scimMessages.watchedGroupMissing(name), null)
      const members = Array.isArray(group.members) ? group.members : []
      for (const member of members) {
        if (typeof member.value !== 'string') continue
        byRef.set(member.value, [...(byRef.get(member.value) ?? []), name])
      }
    }
    return byRef
  }

  /** One PATCH with the given operations; none, no request. A 404 means the object went away meanwhile. */
  private async patch(collection: string, ref: string, ops: PatchOperation[], what: 'user' | 'group') {
    if (ops.length === 0) return
    await this.http.send('PATCH', `${collection}/${encodeURIComponent(ref)}`, {
      body: patchMessage(ops),
      notFound: scimMessages.objectGone(what, ref),
    })
  }

  private requireId(body: unknown, answer: string): string {
    const id = idOf(body)
    if (id === null) throw new ConnectorError('permanent', scimMessages.notScim(this.config.baseUrl), answer)
    return id
  }

  private userNameTaken(
    user: TargetUser,
    holder: ScimResource | null,
    body: unknown,
    answer: string,
  ): ConnectorError {
    const account = holder
      ? `id ${holder.id}${typeof holder.externalId === 'string' ? `, externalId ${holder.externalId}` : ''}`
      : scimDetail(body, '', 409)
    return new ConnectorError('permanent', scimMessages.userNameTaken(user.login, account), answer)
  }
}
