import { isIP } from 'node:net'
import type { ConnectionOptions } from 'node:tls'
import { Client, FilterParser, type Change, type Entry, type Filter } from 'ldapts'
import type { LdapSourceConfig } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import { guidString, isGuidAttribute } from './ldap-ad'
import { leanDecoding, leanOf, type LeanEntry } from './ldap-lean-search'
import { isLdapResult, ldapFailure, ldapResult, type LdapErrorContext } from './ldap-errors'

/** The connection part of both LDAP configs (source and target share it). */
export type LdapConnectionSettings = Pick<
  LdapSourceConfig,
  'url' | 'security' | 'allowPlain' | 'verifyCertificate' | 'bindDn' | 'timeoutSeconds'
>

/** What a connector receives besides its config and password. */
export interface LdapConnectorOptions {
  /** PEM of a CA to trust (instead of Node's built-in list), e.g. a company CA. */
  readonly caPem?: string
  /** The network layer's CA list (system store plus the admin's trusted CAs); null: Node's default store. */
  readonly trustedCas?: readonly string[] | null
}

export interface PagedSearch {
  readonly filter: string | Filter
  readonly attributes: readonly string[]
  readonly pageSize: number
  readonly scope?: 'base' | 'one' | 'sub'
  /** Attributes to receive as raw bytes (spelled as the server spells them), e.g. objectGUID. */
  readonly binary?: readonly string[]
}

/** An attribute's values as strings, looked up case-insensitively. */
export type EntryValues = ReadonlyMap<string, readonly string[]>

/**
 * ldapts keys attributes as the server spelled them (and gives binary values as Buffers). A 16-byte
 * objectGUID becomes AD's GUID text; other binary values are read as UTF-8.
 */
export function entryValues(entry: Entry): EntryValues {
  const values = new Map<string, string[]>()
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn') continue
    const list = Array.isArray(value) ? value : [value]
    const guid = isGuidAttribute(name)
    const text = (v: Buffer): string => (guid && v.length === 16 ? guidString(v) : v.toString('utf8'))
    values.set(
      name.toLowerCase(),
      list.map((v) => (Buffer.isBuffer(v) ? text(v) : v)),
    )
  }
  return values
}

/** First non-empty value, or null. */
export function firstValue(values: EntryValues, attribute: string): string | null {
  if (attribute === '') return null
  const found = values.get(attribute.toLowerCase())?.find((v) => v.trim() !== '')
  return found === undefined ? null : found.trim()
}

function serverOf(url: URL): string {
  const port = url.port || (url.protocol === 'ldaps:' ? '636' : '389')
  return `${url.hostname}:${port}`
}

function refuseInsecure(settings: LdapConnectionSettings, secure: boolean): void {
  const text = (ja: string, en: string): ConnectorError => new ConnectorError('permanent', { ja, en })
  if (settings.security === 'ldaps' && !secure) {
    throw text(
      'セキュリティが ldaps なのに URL が ldap:// で始まっています。URL を ldaps://ホスト名:636 にするか、セキュリティを StartTLS にしてください。',
      'Security is ldaps but the URL starts with ldap://. Use ldaps://host:636, or set security to StartTLS.',
    )
  }
  if (settings.security === 'starttls' && secure) {
    throw text(
      'StartTLS は ldap:// の接続を途中で暗号化する方式です。URL を ldap://ホスト名:389 にするか、セキュリティを ldaps にしてください。',
      'StartTLS upgrades an ldap:// connection. Use ldap://host:389, or set security to ldaps.',
    )
  }
  if (settings.security === 'plain' && !secure && !settings.allowPlain) {
    throw text(
      '暗号化なしの接続では、バインドのパスワードが平文のままネットワークを流れます。ldaps か StartTLS を使ってください。どうしても平文で接続する場合は「暗号化なしを許可する」をオンにしてください。',
      'Without encryption the bind password would travel over the network unencrypted. Use ldaps or StartTLS; to connect in plain text anyway, turn on "allow unencrypted".',
    )
  }
}

/** The connection's own CA and the layer's list together: either alone replaces Node's default store. */
function caOption(options: LdapConnectorOptions): Pick<ConnectionOptions, 'ca'> {
  const ca = [...(options.trustedCas ?? []), ...(options.caPem ? [options.caPem] : [])]
  return ca.length > 0 ? { ca } : {}
}

/**
 * One bound connection. Every call maps failures to ConnectorError naming the server or the DN; a network
 * or TLS failure marks the session broken (ldapts would reconnect without binding, i.e. anonymously).
 */
export class LdapSession {
  private broken = false

  private constructor(
    private readonly client: Client,
    private readonly context: LdapErrorContext,
  ) {}

  /** Connects, secures (ldaps or StartTLS) and binds. */
  static async open(
    settings: LdapConnectionSettings,
    password: string,
    options: LdapConnectorOptions = {},
  ): Promise<LdapSession> {
    const url = new URL(settings.url)
    const secure = url.protocol === 'ldaps:'
    const context: LdapErrorContext = { server: serverOf(url), bindDn: settings.bindDn }
    refuseInsecure(settings, secure)
    const tlsOptions: ConnectionOptions = {
      rejectUnauthorized: settings.verifyCertificate,
      ...caOption(options),
    }
    const timeout = settings.timeoutSeconds * 1000
    // ldapts speaks TLS from the first byte whenever tlsOptions are given: only for ldaps://.
    const client = new Client({
      url: settings.url,
      timeout,
      connectTimeout: timeout,
      ...(secure ? { tlsOptions } : {}),
    })
    try {
      if (settings.security === 'starttls') {
        // Node checks the certificate against `host`; SNI (servername) must not be an IP address.
        const host = url.hostname.replace(/^\[|\]$/g, '')
        await client.startTLS({ ...tlsOptions, host, ...(isIP(host) ? {} : { servername: host }) })
      }
      await client.bind(settings.bindDn, password)
    } catch (error) {
      await client.unbind().catch(() => undefined)
      throw ldapFailure(error, { ...context, dn: settings.bindDn })
    }
    return new LdapSession(client, context)
  }

  /** False once the connection failed: open a new session instead of reusing this one. */
  get usable(): boolean {
    return !this.broken && this.client.isConnected
  }

  get server(): string {
    return this.context.server
  }

  /** Runs one operation about `dn`, mapping its failure. */
  async run<T>(dn: string, operation: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await operation(this.client)
    } catch (error) {
      const failure = ldapFailure(error, { ...this.context, dn })
      if (failure.kind !== 'permanent' && failure.kind !== 'auth') this.broken = true
      throw failure
    }
  }

  /** Pages of a search under `base` (Simple Paged Results, RFC 2696). */
  async *pages(
    base: string,
    search: PagedSearch,
    attributes = [...search.attributes],
  ): AsyncGenerator<readonly Entry[]> {
    const filter = typeof search.filter === 'string' ? parseFilter(search.filter) : search.filter
    const pages = this.client.searchPaginated(base, {
      scope: search.scope ?? 'sub',
      filter,
      attributes,
      ...(search.binary ? { explicitBufferAttributes: [...search.binary] } : {}),
      // Referrals (AD's Configuration and DNS partitions) are never chased: ldapts only lists them.
      paged: { pageSize: search.pageSize },
    })
    // The next page is asked for before this one is handed over: the server builds it while the caller
    // works through this one (a page's cookie is all the next request needs).
    let pending = this.run(base, () => pages.next())
    try {
      for (;;) {
        const next = await pending
        if (next.done) return
        pending = this.run(base, () => pages.next())
        yield next.value.searchEntries
      }
    } finally {
      // A caller that stops early (an abort, a failure) leaves at most that one request unread.
      pending.catch(() => undefined)
    }
  }

  /**
   * Pages of a listing with each entry decoded lean (its DN and the first non-blank value of each requested
   * attribute): for the 100,000-entry listings, where ldapts's full decoding was most of the read.
   */
  async *leanPages(base: string, search: PagedSearch): AsyncGenerator<readonly LeanEntry[]> {
    const attributes = [...search.attributes]
    const lean = leanDecoding(this.client, attributes)
    try {
      for await (const page of this.pages(base, search, attributes)) {
        yield page.map((entry) => leanOf(entry, attributes))
      }
    } finally {
      lean?.stop()
    }
  }

  /** True when the entry exists (false for "no such object"). */
  async exists(dn: string): Promise<boolean> {
    try {
      const found = await this.run(dn, (c) => c.search(dn, { scope: 'base', attributes: ['1.1'] }))
      return found.searchEntries.length > 0
    } catch (error) {
      if (isLdapResult(error, ldapResult.noSuchObject)) return false
      throw error
    }
  }

  add(dn: string, attributes: Record<string, string | string[]>): Promise<void> {
    return this.run(dn, (c) => c.add(dn, attributes))
  }

  modify(dn: string, changes: Change[]): Promise<void> {
    return changes.length === 0 ? Promise.resolve() : this.run(dn, (c) => c.modify(dn, changes))
  }

  moveTo(dn: string, newDn: string): Promise<void> {
    return this.run(dn, (c) => c.modifyDN(dn, newDn))
  }

  del(dn: string): Promise<void> {
    return this.run(dn, (c) => c.del(dn))
  }

  async close(): Promise<void> {
    await this.client.unbind().catch(() => undefined)
  }
}

/** A filter the server would refuse is a settings mistake: say so before sending anything. */
export function parseFilter(filter: string): Filter {
  try {
    return FilterParser.parseString(filter)
  } catch (error) {
    throw new ConnectorError(
      'permanent',
      {
        ja: `フィルター「${filter}」は LDAP フィルターとして正しくありません。例: (objectClass=inetOrgPerson)`,
        en: `The filter "${filter}" is not a valid LDAP filter. Example: (objectClass=inetOrgPerson)`,
      },
      error instanceof Error ? error.message : String(error),
    )
  }
}
