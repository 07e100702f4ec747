/**
 * Directory sync target over SCIM 2.0 (RFC 7643/7644): the chat or groupware service holds the users and
 * groups; Renkei marks its own with externalId = employee key and leaves every other account alone.
 */
import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { ScimTargetConfig } from '../../../../shared/model/directory-config'
import type {
  DirectoryTargetConnector,
  TargetGroup,
  TargetGroupEntry,
  TargetState,
  TargetUser,
  TargetUserEntry,
} from '../../engines/directory/directory-connectors'
import { ConnectorError } from '../connector-error'
import { ScimHttpClient, scimDetail, type ScimRetryOptions } from './scim-http-client'
import { bulkChunks, bulkLimits, bulkRequest, bulkResults, type BulkLimits } from './scim-bulk'
import { parseListPage, readWholeCollection, type ScimResource } from './scim-listing'
import { scimMessages } from './scim-messages'
import {
  adoptionOperations,
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

/** Ids of every listed account by externalId and by lower-cased userName (SCIM logins are case-insensitive). */
interface ListedUsers {
  readonly byKey: Map<string, string>
  readonly byLogin: Map<string, string>
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))

/** SCIM filter value: a JSON string literal, so quotes and backslashes in a login cannot break the filter. */
const filterPath = (collection: string, attribute: string, value: string): string =>
  `${collection}?filter=${encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`)}`

/**
 * One instance per run: it keeps a keep-alive connection pool, released by close(). Every write is safe to
 * repeat, because createUser/createGroup look for the object before creating it.
 */
export class ScimDirectoryTarget implements DirectoryTargetConnector {
  readonly writeConcurrency = writeConcurrency
  private readonly http: ScimHttpClient
  /** Set by read(): which accounts exist, so creates need no lookups. */
  private listed: ListedUsers | null = null
  private bulk: Promise<BulkLimits | null> | undefined
  private listedGroups: { id: string; externalId?: string; displayName?: string }[] | null = null

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

  async read(signal: AbortSignal): Promise<TargetState> {
    const users: TargetUserEntry[] = []
    const listed: ListedUsers = { byKey: new Map(), byLogin: new Map() }
    await this.listAll('/Users', signal, (json: ScimUserJson & ScimResource) => {
      if (typeof json.userName === 'string') listed.byLogin.set(json.userName.toLowerCase(), json.id)
      const user = fromScimUser(json)
      if (!user) return
      users.push(user)
      listed.byKey.set(user.key, user.ref)
    })
    this.listed = listed
    if (!this.config.provisionGroups) return { users, groups: [], licenceLimit: null }
    const keyByRef = new Map(users.map((u) => [u.ref, u.key]))
    const groups: TargetGroupEntry[] = []
    this.listedGroups = []
    await this.listAll('/Groups', signal, (json: ScimGroupJson & ScimResource) => {
      this.listedGroups?.push({ id: json.id, externalId: json.externalId, displayName: json.displayName })
      const group = fromScimGroup(json, keyByRef)
      if (group) groups.push(group)
    })
    return { users, groups, licenceLimit: null }
  }

  /**
   * Finds the account first (by externalId, then by userName) so that a run repeated after a crash, or a
   * hand-made account with the same login, is brought to the desired state instead of duplicated. After a
   * whole listing that costs no request: one POST per new user (a 409 still finds a late-comer).
   */
  async createUser(user: TargetUser, initialPassword: string | null): Promise<string> {
    const existing = await this.existingAccount(user)
    if (existing) return this.adoptUser(existing, user, null)
    const created = await this.http.send('POST', '/Users', {
      body: toScimUser(user, initialPassword),
      accept: [409],
    })
    if (created.status !== 409) return this.requireId(created.body, created.answer)
    // Someone created the login between our lookup and our POST (another run, or the service itself).
    const holder = await this.findOne('/Users', 'userName', user.login)
    if (!holder) throw this.userNameTaken(user, created.body, created.answer)
    return this.adoptUser(holder, user, created.answer)
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
    const limits = this.listed ? await this.bulkLimits() : null
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
    const byKey = await this.existingGroup('externalId', group.key)
    if (byKey) return this.adoptGroup(byKey, group, memberRefs)
    const byName = await this.existingGroup('displayName', group.displayName)
    if (byName && byName.externalId === undefined) return this.adoptGroup(byName, group, memberRefs)
    const created = await this.http.send('POST', '/Groups', { body: toScimGroup(group, memberRefs) })
    return this.requireId(created.body, created.answer)
  }

  async updateGroup(ref: string, group: TargetGroup, memberRefs: readonly string[]): Promise<void> {
    await this.patch('/Groups', ref, groupPatchOperations(group, memberRefs, false), 'group')
  }

  async deleteGroup(ref: string): Promise<void> {
    await this.http.send('DELETE', `/Groups/${encodeURIComponent(ref)}`, { accept: [404] })
  }

  async close(): Promise<void> {
    this.http.close()
  }

  /** The whole collection, page by page, or a ConnectorError: a run never plans from part of a listing. */
  private async listAll<T>(collection: string, signal: AbortSignal, take: (json: T) => void): Promise<void> {
    try {
      await readWholeCollection(
        {
          baseUrl: this.config.baseUrl,
          collection,
          pageSize,
          signal,
          fetchPage: (startIndex, count) =>
            this.http.send('GET', `${collection}?startIndex=${startIndex}&count=${count}`, { signal }),
        },
        (resource) => take(resource as T),
      )
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      const reason = scimMessages.listingFailed(collection, error.localized)
      throw new ConnectorError(error.kind, reason, error.serverAnswer, error.httpStatus)
    }
  }

  /** From the last whole listing when there is one (groups are few), else by a lookup. */
  private async existingGroup(attribute: 'externalId' | 'displayName', value: string) {
    if (!this.listedGroups) return this.findOne('/Groups', attribute, value)
    const found = this.listedGroups.find((g) => g[attribute] === value)
    return found
      ? { id: found.id, ...(found.externalId === undefined ? {} : { externalId: found.externalId }) }
      : null
  }

  /** From the last whole listing when there is one (a GET only for an account to adopt), else by lookups. */
  private async existingAccount(user: TargetUser): Promise<ScimResource | null> {
    if (!this.listed) {
      return (
        (await this.findOne('/Users', 'externalId', user.key)) ??
        (await this.findOne('/Users', 'userName', user.login))
      )
    }
    const id = this.listed.byKey.get(user.key) ?? this.listed.byLogin.get(user.login.toLowerCase())
    if (id === undefined) return null
    const found = await this.http.send('GET', `/Users/${encodeURIComponent(id)}`, { accept: [404] })
    return found.status === 404 ? null : (found.body as ScimResource)
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

  /** One Bulk request; a user the service refuses with 409 is left for createUser (find and adopt). */
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
    const listed = this.listed
    return !!listed && (listed.byKey.has(user.key) || listed.byLogin.has(user.login.toLowerCase()))
  }

  private async findOne(collection: string, attribute: string, value: string): Promise<ScimResource | null> {
    const { body, answer } = await this.http.send('GET', filterPath(collection, attribute, value))
    const page = parseListPage(body)
    if (!page) throw new ConnectorError('permanent', scimMessages.notScim(this.config.baseUrl), answer)
    return page.resources[0] ?? null
  }

  /** An account holding another employee's key is never taken over: that would merge two people. */
  private async adoptUser(existing: ScimResource, user: TargetUser, answer: string | null): Promise<string> {
    const json = existing as ScimUserJson
    if (json.externalId !== undefined && json.externalId !== '' && json.externalId !== user.key) {
      const detail = `userName ${user.login} → externalId ${String(json.externalId)}`
      throw new ConnectorError('permanent', scimMessages.userNameTaken(user.login, detail), answer)
    }
    await this.patch('/Users', existing.id, adoptionOperations(json, user), 'user')
    return existing.id
  }

  private async adoptGroup(existing: ScimResource, group: TargetGroup, memberRefs: readonly string[]) {
    const claim = existing.externalId !== group.key
    await this.patch('/Groups', existing.id, groupPatchOperations(group, memberRefs, claim), 'group')
    return existing.id
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

  private userNameTaken(user: TargetUser, body: unknown, answer: string): ConnectorError {
    const detail = scimDetail(body, '', 409)
    return new ConnectorError('permanent', scimMessages.userNameTaken(user.login, detail), answer)
  }
}
