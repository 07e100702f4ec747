/**
 * Directory sync target over SCIM 2.0 (RFC 7643/7644): the chat or groupware service holds the users and
 * groups; Renkei marks its own with externalId = employee key and leaves every other account alone.
 */
import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { ScimTargetConfig } from '../../../../shared/model/directory-config'
import type {
  DirectoryTargetConnector,
  TargetGroup,
  TargetReadOptions,
  TargetState,
  TargetUser,
} from '../../engines/directory/directory-connectors'
import { ConnectorError } from '../connector-error'
import { ScimHttpClient, scimDetail, type ScimRetryOptions } from './scim-http-client'
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

type ScimResource = { readonly id: string; readonly externalId?: unknown } & Record<string, unknown>

/** 200 is the maxResults many services (and SCIMMY) advertise; smaller pages are followed just the same. */
const pageSize = 200

function listResources(body: unknown): { resources: ScimResource[]; total: number } | null {
  if (typeof body !== 'object' || body === null) return null
  const list = body as { Resources?: unknown; totalResults?: unknown }
  const raw = Array.isArray(list.Resources) ? (list.Resources as unknown[]) : []
  const resources = raw.filter((r): r is ScimResource => typeof (r as { id?: unknown })?.id === 'string')
  const total = typeof list.totalResults === 'number' ? list.totalResults : resources.length
  return { resources, total }
}

const idOf = (body: unknown): string | null => {
  const id = (body as { id?: unknown } | null)?.id
  return typeof id === 'string' && id !== '' ? id : null
}

/** SCIM filter value: a JSON string literal, so quotes and backslashes in a login cannot break the filter. */
const filterPath = (collection: string, attribute: string, value: string): string =>
  `${collection}?filter=${encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`)}`

/**
 * One instance per run: it keeps a keep-alive connection pool, released by close(). Every write is safe to
 * repeat, because createUser/createGroup look for the object before creating it.
 */
export class ScimDirectoryTarget implements DirectoryTargetConnector {
  private readonly http: ScimHttpClient

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
      const total = listResources(users.body)?.total ?? null
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
    let users = (await this.listAll('/Users', signal)).flatMap(
      (json) => fromScimUser(json as ScimUserJson) ?? [],
    )
    const watched = await this.watchedMembers(options?.watchGroups ?? [])
    if (watched.size > 0) users = users.map((u) => ({ ...u, groups: watched.get(u.ref) ?? [] }))
    if (!this.config.provisionGroups) return { users, groups: [], licenceLimit: null }
    const groups = (await this.listAll('/Groups', signal)).flatMap(
      (json) => fromScimGroup(json as ScimGroupJson) ?? [],
    )
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

  async close(): Promise<void> {
    this.http.close()
  }

  /** Every page of a collection; follows what the server really returns, whatever page size it allows. */
  private async listAll(collection: string, signal: AbortSignal): Promise<ScimResource[]> {
    const seen = new Map<string, ScimResource>()
    for (let startIndex = 1; ;) {
      signal.throwIfAborted()
      const path = `${collection}?startIndex=${startIndex}&count=${pageSize}`
      const { body, answer } = await this.http.send('GET', path, { signal })
      const page = listResources(body)
      if (!page) throw new ConnectorError('permanent', scimMessages.notScim(this.config.baseUrl), answer)
      const before = seen.size
      for (const resource of page.resources) seen.set(resource.id, resource)
      startIndex += page.resources.length
      if (page.resources.length === 0 || seen.size >= page.total) return [...seen.values()]
      if (seen.size === before)
        throw new ConnectorError('permanent', scimMessages.pagingIgnored(this.config.baseUrl), answer)
    }
  }

  private async findOne(collection: string, attribute: string, value: string): Promise<ScimResource | null> {
    const { body, answer } = await this.http.send('GET', filterPath(collection, attribute, value))
    const page = listResources(body)
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
